import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/324-vulnerable-groups-decisions',
  code: '324',
  criterion: 'EP',
  title: 'Vulnerable groups in decision-making',
  definition:
    'Evidence that vulnerable groups took part in decision-making through online channels (#324-#329).',
  assessorTask:
    'it needs judging whether vulnerable groups took part in decisions, which pages alone do not show.',
});

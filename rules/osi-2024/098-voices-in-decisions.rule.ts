import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/098-voices-in-decisions',
  code: '098',
  criterion: 'EP',
  title: "People's input reflected in decisions",
  definition:
    'Evidence that input collected through e-participation was reflected in government decisions, by sector.',
  assessorTask:
    'it needs judging whether public input changed a decision, which a crawler cannot tell from pages.',
});

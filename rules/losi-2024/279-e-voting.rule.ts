import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/279-e-voting',
  code: '279',
  criterion: 'PE',
  title: 'E-voting in decision-making',
  definition:
    'Citizens can vote online in a municipal decision process (for example participatory budget projects).',
  service: 'online voting',
  concepts: ['peEVoting'],
  hints: ['peEVoting', 'svcStartOnline'],
});

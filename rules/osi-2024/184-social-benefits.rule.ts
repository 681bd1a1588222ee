import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/184-social-benefits',
  code: '184',
  criterion: 'SP',
  title: 'Applying for social benefits',
  definition:
    'People can apply online for social benefits such as unemployment, family, disability or maternity benefits (#184, #185, #189-#191).',
  service: 'a social benefit application',
  concepts: ['osiBenefits'],
  hints: ['osiBenefits', 'svcStartOnline'],
});

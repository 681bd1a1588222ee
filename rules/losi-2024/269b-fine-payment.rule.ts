import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/269b-fine-payment',
  code: '269b',
  criterion: 'SP',
  title: 'Online payment of fines',
  definition:
    'Citizens can pay fines (such as parking or traffic fines) online, on the portal or on a site it links to.',
  service: 'online payment of fines',
  concepts: ['svcFine'],
  hints: ['svcFine', 'svcPayment'],
  affordance: 'payment',
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/286-water-bill-payment',
  code: '286',
  criterion: 'SP',
  title: 'Water bill payment',
  definition:
    'Citizens can pay their water bill online, directly on the portal or through a site it links to.',
  service: 'water bill payment',
  concepts: ['svcWaterBill'],
  hints: ['svcWaterBill', 'svcPayment'],
  affordance: 'payment',
});

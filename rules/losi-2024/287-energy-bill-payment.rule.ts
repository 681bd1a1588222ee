import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/287-energy-bill-payment',
  code: '287',
  criterion: 'SP',
  title: 'Electricity or gas bill payment',
  definition:
    'Citizens can pay their electricity or gas bill online, directly on the portal or through a site it links to.',
  service: 'electricity or gas bill payment',
  concepts: ['svcEnergyBill'],
  hints: ['svcEnergyBill', 'svcPayment'],
  affordance: 'payment',
});

import { defineGroupRule } from '../_shared/group-rule.ts';
import r286WaterBillPayment from '../losi-2024/286-water-bill-payment.rule.ts';
import r287EnergyBillPayment from '../losi-2024/287-energy-bill-payment.rule.ts';

export default defineGroupRule({
  id: 'osi-2024/062-utility-payments',
  code: '062',
  criterion: 'SP',
  title: 'Utility payments (water, energy)',
  definition: 'People can pay water and energy (electricity or gas) bills online (#062, #063).',
  members: [r286WaterBillPayment, r287EnergyBillPayment],
  names: ['water', 'energy'],
});

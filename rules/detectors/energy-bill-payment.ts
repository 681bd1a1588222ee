import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'electricity or gas bill payment',
  concepts: ['svcEnergyBill'],
  hints: ['svcEnergyBill', 'svcPayment'],
  affordance: 'payment',
});

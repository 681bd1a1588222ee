import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'water bill payment',
  concepts: ['svcWaterBill'],
  hints: ['svcWaterBill', 'svcPayment'],
  affordance: 'payment',
});

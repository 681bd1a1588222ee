import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'electricity or gas bill payment',
  concepts: ['energyBill'],
  hints: ['energyBill', 'payment'],
  affordance: 'payment',
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'water bill payment',
  concepts: ['waterBill'],
  hints: ['waterBill', 'payment'],
  affordance: 'payment',
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online payment of fines',
  concepts: ['fine'],
  hints: ['fine', 'payment'],
  affordance: 'payment',
});

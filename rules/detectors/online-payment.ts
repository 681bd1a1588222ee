import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online payment of a municipal service',
  concepts: ['payment'],
  hints: ['payment'],
  affordance: 'payment',
});

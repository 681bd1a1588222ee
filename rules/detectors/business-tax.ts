import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'business tax filing',
  concepts: ['businessTax'],
  hints: ['businessTax', 'startOnline'],
});

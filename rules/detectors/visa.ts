import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a visa application',
  concepts: ['visa'],
  hints: ['visa', 'startOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a retirement pension application',
  concepts: ['pension'],
  hints: ['pension', 'startOnline'],
});

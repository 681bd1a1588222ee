import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a social benefit application',
  concepts: ['benefits'],
  hints: ['benefits', 'startOnline'],
});

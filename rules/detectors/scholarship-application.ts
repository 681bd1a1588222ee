import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a scholarship application',
  concepts: ['scholarships'],
  hints: ['scholarships', 'startOnline'],
});

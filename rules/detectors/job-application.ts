import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an application for a municipal vacancy',
  concepts: ['jobApplication'],
  hints: ['jobApplication', 'startOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an application for a municipal vacancy',
  concepts: ['svcJobApplication'],
  hints: ['svcJobApplication', 'svcStartOnline'],
});

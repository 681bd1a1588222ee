import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an online police declaration',
  concepts: ['svcPoliceReport'],
  hints: ['svcPoliceReport', 'svcStartOnline'],
});

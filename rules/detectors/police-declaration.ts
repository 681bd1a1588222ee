import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an online police declaration',
  concepts: ['policeReport'],
  hints: ['policeReport', 'startOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an environment-related permit',
  concepts: ['environmentPermit'],
  hints: ['environmentPermit', 'startOnline'],
});

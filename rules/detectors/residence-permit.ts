import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a residency permit application',
  concepts: ['residencePermit'],
  hints: ['residencePermit', 'startOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'services for vulnerable groups',
  concepts: ['vulnerableGroups'],
  hints: ['vulnerableGroups', 'startOnline'],
});

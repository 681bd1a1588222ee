import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a building permit application',
  concepts: ['buildingPermit'],
  hints: ['buildingPermit', 'startOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'affordable housing services',
  concepts: ['svcAffordableHousing'],
  hints: ['svcAffordableHousing', 'svcStartOnline'],
  informationSuffices: true,
});

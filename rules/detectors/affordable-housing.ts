import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'affordable housing services',
  concepts: ['affordableHousing'],
  hints: ['affordableHousing', 'startOnline'],
  informationSuffices: true,
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'services for homeless people',
  concepts: ['svcHomeless'],
  hints: ['svcHomeless', 'svcStartOnline'],
  informationSuffices: true,
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'land title registration',
  concepts: ['svcLandRegistry'],
  hints: ['svcLandRegistry', 'svcStartOnline'],
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'vehicle registration',
  concepts: ['svcVehicleRegistration'],
  hints: ['svcVehicleRegistration', 'svcStartOnline'],
});

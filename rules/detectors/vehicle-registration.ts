import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'vehicle registration',
  concepts: ['vehicleRegistration'],
  hints: ['vehicleRegistration', 'startOnline'],
});

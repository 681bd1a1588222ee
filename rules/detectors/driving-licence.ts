import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a driving licence application',
  concepts: ['svcDrivingLicence'],
  hints: ['svcDrivingLicence', 'svcStartOnline'],
});

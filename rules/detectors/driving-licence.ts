import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a driving licence application',
  concepts: ['drivingLicence'],
  hints: ['drivingLicence', 'startOnline'],
});

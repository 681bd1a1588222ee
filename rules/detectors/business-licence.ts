import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a business licence application',
  concepts: ['businessLicence'],
  hints: ['businessLicence', 'startOnline'],
});

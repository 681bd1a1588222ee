import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'company registration',
  concepts: ['osiCompanyRegistration'],
  hints: ['osiCompanyRegistration', 'svcStartOnline'],
});

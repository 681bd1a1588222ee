import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'company registration',
  concepts: ['companyRegistration'],
  hints: ['companyRegistration', 'startOnline'],
});

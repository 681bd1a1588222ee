import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a birth certificate request',
  concepts: ['svcBirthCertificate'],
  hints: ['svcBirthCertificate', 'svcStartOnline'],
});

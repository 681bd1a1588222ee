import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a death certificate request',
  concepts: ['svcDeathCertificate'],
  hints: ['svcDeathCertificate', 'svcStartOnline'],
});

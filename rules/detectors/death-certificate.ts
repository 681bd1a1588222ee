import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a death certificate request',
  concepts: ['deathCertificate'],
  hints: ['deathCertificate', 'startOnline'],
});

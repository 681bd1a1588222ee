import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a birth certificate request',
  concepts: ['birthCertificate'],
  hints: ['birthCertificate', 'startOnline'],
});

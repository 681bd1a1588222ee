import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a marriage certificate request',
  concepts: ['marriageCertificate'],
  hints: ['marriageCertificate', 'startOnline'],
});

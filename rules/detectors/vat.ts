import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'VAT filing',
  concepts: ['osiVat'],
  hints: ['osiVat', 'svcStartOnline'],
});

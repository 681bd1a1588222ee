import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'VAT filing',
  concepts: ['vat'],
  hints: ['vat', 'startOnline'],
});

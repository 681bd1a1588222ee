import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'e-invoicing',
  concepts: ['eInvoicing'],
  hints: ['eInvoicing', 'startOnline'],
});

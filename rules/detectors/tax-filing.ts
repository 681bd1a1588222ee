import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online tax filing',
  concepts: ['svcTaxFiling'],
  hints: ['svcTaxFiling', 'svcStartOnline'],
  notPayment: true,
});

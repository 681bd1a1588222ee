import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online tax filing',
  concepts: ['taxFiling'],
  hints: ['taxFiling', 'startOnline'],
  notPayment: true,
});

import { defineGroupDetector } from '../_shared/group-detector.ts';
import energyBillPayment from './energy-bill-payment.ts';
import waterBillPayment from './water-bill-payment.ts';

export default defineGroupDetector({
  members: [waterBillPayment, energyBillPayment],
  names: ['water', 'energy'],
});

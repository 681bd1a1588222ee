import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'e-procurement (online bids)',
  concepts: ['eProcurement'],
  hints: ['eProcurement', 'startOnline'],
});

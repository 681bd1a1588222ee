import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a visa application',
  concepts: ['osiVisa'],
  hints: ['osiVisa', 'svcStartOnline'],
});

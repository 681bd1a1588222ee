import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a retirement pension application',
  concepts: ['osiPension'],
  hints: ['osiPension', 'svcStartOnline'],
});

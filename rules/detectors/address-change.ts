import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a change-of-address notification',
  concepts: ['addressChange'],
  hints: ['addressChange', 'startOnline'],
});

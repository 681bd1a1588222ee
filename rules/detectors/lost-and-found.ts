import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an online lost-and-found service',
  concepts: ['lostFound'],
  hints: ['lostFound', 'startOnline'],
});

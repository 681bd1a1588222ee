import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online voting',
  concepts: ['eVoting'],
  hints: ['eVoting', 'startOnline'],
});

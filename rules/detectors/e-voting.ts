import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'online voting',
  concepts: ['peEVoting'],
  hints: ['peEVoting', 'svcStartOnline'],
});

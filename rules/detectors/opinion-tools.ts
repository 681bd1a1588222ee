import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'giving an opinion online (consultation, poll or petition)',
  concepts: ['opinion'],
  hints: ['opinion', 'startOnline'],
  messageFormsCount: true,
});

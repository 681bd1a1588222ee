import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'sending a complaint or feedback',
  concepts: ['feedback'],
  hints: ['feedback', 'startOnline'],
  messageFormsCount: true,
});

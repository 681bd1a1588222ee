import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'sending a complaint or feedback',
  concepts: ['peFeedback'],
  hints: ['peFeedback', 'svcStartOnline'],
  messageFormsCount: true,
});

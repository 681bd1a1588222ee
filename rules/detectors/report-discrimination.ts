import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'reporting discrimination',
  concepts: ['peDiscrimination'],
  hints: ['peDiscrimination', 'svcStartOnline'],
  messageFormsCount: true,
});

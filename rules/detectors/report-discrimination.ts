import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'reporting discrimination',
  concepts: ['discrimination'],
  hints: ['discrimination', 'startOnline'],
  messageFormsCount: true,
});

import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'reporting a problem in a public space',
  concepts: ['incident'],
  hints: ['incident', 'startOnline'],
  messageFormsCount: true,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'labour-violation reporting',
  concepts: ['labourViolation'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'access to information',
  concepts: ['accessInfo'],
});

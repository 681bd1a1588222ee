import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'social welfare',
  concepts: ['socialWelfare'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'long-term care',
  concepts: ['longTermCare'],
});

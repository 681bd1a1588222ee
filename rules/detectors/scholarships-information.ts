import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'scholarships and education funding',
  concepts: ['scholarships'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'jobs and training',
  concepts: ['labour'],
});

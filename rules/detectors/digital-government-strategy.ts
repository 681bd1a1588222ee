import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'digital government strategy',
  concepts: ['digitalStrategy'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'cloud strategy',
  concepts: ['cloudStrategy'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'open data events',
  concepts: ['openDataEvents'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'public transport',
  concepts: ['transport'],
  linkSuffices: true,
});

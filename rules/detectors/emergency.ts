import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'emergencies',
  concepts: ['emergency'],
  linkSuffices: true,
});

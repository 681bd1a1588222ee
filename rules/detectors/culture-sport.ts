import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'culture and sport',
  concepts: ['cultureSport'],
});

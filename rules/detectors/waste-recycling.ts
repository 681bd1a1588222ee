import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'waste and recycling',
  concepts: ['waste'],
});

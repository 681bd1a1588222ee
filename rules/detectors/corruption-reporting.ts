import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'corruption reporting',
  concepts: ['corruptionReport'],
});

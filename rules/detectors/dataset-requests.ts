import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'dataset requests',
  concepts: ['datasetRequest'],
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'vulnerable groups',
  concepts: ['vulnerableGroups'],
});

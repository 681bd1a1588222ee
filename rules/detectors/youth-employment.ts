import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'youth employment',
  concepts: ['youthEmployment'],
});

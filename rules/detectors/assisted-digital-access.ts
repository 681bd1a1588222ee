import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'assisted digital access',
  concepts: ['assistedAccess'],
});

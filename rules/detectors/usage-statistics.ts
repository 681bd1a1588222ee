import { usageFigures } from '../_shared/content-figures.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'portal usage statistics',
  concepts: ['usageStats'],
  content: usageFigures,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'smart-city initiatives',
  concepts: ['smartCity'],
  bodyText: { minTerms: 1 },
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'smart-city initiatives',
  concepts: ['cpSmartCity'],
  bodyText: { minTerms: 1 },
});

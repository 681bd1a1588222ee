import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'emerging technologies',
  concepts: ['emergingTech'],
  bodyText: { minTerms: 2 },
});

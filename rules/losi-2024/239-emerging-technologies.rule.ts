import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/239-emerging-technologies',
  code: '239',
  criterion: 'CP',
  title: 'Use of emerging technologies',
  definition:
    "The portal presents the city's use of emerging technologies such as artificial intelligence, the Internet of Things or blockchain.",
  topic: 'emerging technologies',
  concepts: ['cpEmergingTech'],
  bodyText: { minTerms: 2 },
});

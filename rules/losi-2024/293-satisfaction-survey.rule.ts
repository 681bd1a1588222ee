import { satisfactionWidget } from '../_shared/content-mechanisms.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/293-satisfaction-survey',
  code: '293',
  criterion: 'CP',
  title: 'User-satisfaction mechanism',
  definition:
    'The portal offers a mechanism to measure user satisfaction with its services (a survey, a rating widget).',
  topic: 'user satisfaction',
  concepts: ['cpSatisfaction'],
  content: satisfactionWidget,
  contentAnywhere: true,
  linkSuffices: true,
});

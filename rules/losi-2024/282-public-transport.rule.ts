import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/282-public-transport',
  code: '282',
  criterion: 'CP',
  title: 'Public transport information',
  definition: 'The portal provides public transport information or a link to it.',
  topic: 'public transport',
  concepts: ['cpTransport'],
  linkSuffices: true,
});

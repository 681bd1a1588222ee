import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/232-justice',
  code: '232',
  criterion: 'CP',
  title: 'Justice matters',
  definition:
    'The portal provides information on justice matters such as contesting tickets, tax appeals or mediation.',
  topic: 'justice matters',
  concepts: ['cpJustice'],
});

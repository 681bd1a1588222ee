import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/226-health',
  code: '226',
  criterion: 'CP',
  title: 'Health information',
  definition:
    'The portal provides health information (public health, health services, hospitals, vaccination).',
  topic: 'health',
  concepts: ['cpHealth'],
});

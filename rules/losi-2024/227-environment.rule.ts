import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/227-environment',
  code: '227',
  criterion: 'CP',
  title: 'Environmental information',
  definition:
    'The portal provides environmental information (environment, climate, green spaces, sustainability).',
  topic: 'the environment',
  concepts: ['cpEnvironment'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/290-emergency',
  code: '290',
  criterion: 'CP',
  title: 'Emergency or disaster section',
  definition:
    'The portal has a section on emergencies and disasters (civil protection), or links to an emergency portal.',
  topic: 'emergencies',
  concepts: ['cpEmergency'],
  linkSuffices: true,
});

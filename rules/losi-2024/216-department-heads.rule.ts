import { leaderContacts } from '../_shared/content-mechanisms.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/216-department-heads',
  code: '216',
  criterion: 'IF',
  title: 'Heads of departments and their contacts',
  definition:
    'The portal lists the heads of the city departments with their names, titles and contact details.',
  topic: 'department heads',
  concepts: ['ifLeadership'],
  content: leaderContacts,
  contentAnywhere: true,
});

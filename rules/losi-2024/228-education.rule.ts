import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/228-education',
  code: '228',
  criterion: 'CP',
  title: 'Education information',
  definition:
    'The portal provides education information, in particular on early childhood and pre-primary education (schools, childcare).',
  topic: 'education',
  concepts: ['cpEducation'],
});

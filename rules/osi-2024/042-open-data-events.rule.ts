import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/042-open-data-events',
  code: '042',
  criterion: 'EP',
  title: 'Open data events',
  definition: 'The government promotes open-data events such as hackathons and open data days.',
  topic: 'open data events',
  concepts: ['osiOpenDataEvents'],
});

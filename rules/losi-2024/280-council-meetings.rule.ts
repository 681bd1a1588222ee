import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/280-council-meetings',
  code: '280',
  criterion: 'PE',
  title: 'Council public meetings',
  definition:
    'The portal publishes information on the city council’s public meetings: calendar, agendas or minutes.',
  topic: 'council meetings',
  concepts: ['peCouncilMeetings'],
});

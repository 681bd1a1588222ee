import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/277-participation-calendar',
  code: '277',
  criterion: 'PE',
  title: 'Upcoming e-participation activities',
  definition:
    'The portal announces upcoming e-participation activities (consultations, polls, participatory processes) or keeps a calendar of them.',
  topic: 'upcoming e-participation',
  concepts: ['peOpinion'],
  hints: ['peOpinion', 'peUpcoming'],
  content: (page) => conceptOnPage(page, 'peUpcoming', 'upcoming consultations'),
});

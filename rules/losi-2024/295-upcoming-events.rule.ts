import { eventsContent } from '../_shared/content-dates.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/295-upcoming-events',
  code: '295',
  criterion: 'CP',
  title: 'Upcoming events',
  definition: 'The portal has a section of upcoming events (items dated after the visit).',
  topic: 'events',
  // Agendas often sit in a "News and events" section.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['events'],
  content: eventsContent,
});

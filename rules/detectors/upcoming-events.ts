import { eventsContent } from '../_shared/content-dates.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'events',
  // Agendas often sit in a "News and events" section.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['events'],
  content: eventsContent,
});

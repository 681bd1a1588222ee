import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'road matters',
  // Roadworks are announced as news.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['roadworks'],
  // Roadworks and closures are announced as news items.
  articlesCount: true,
});

import { alertSubscription } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'emergency alerts',
  // Alerts are published as news items.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['alerts'],
  content: alertSubscription,
  contentAnywhere: true,
  linkSuffices: true,
});

import { alertSubscription } from '../_shared/content-mechanisms.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/218-emergency-alerts',
  code: '218',
  criterion: 'CP',
  title: 'Emergency alerts subscription',
  definition: 'The portal offers web-push or subscription alerts (e-mail, SMS, app) for emergencies.',
  topic: 'emergency alerts',
  // Alerts are published as news items.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['cpAlerts'],
  content: alertSubscription,
  contentAnywhere: true,
  linkSuffices: true,
});

import { procurementNotices } from '../_shared/procurement-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/220-procurement',
  code: '220',
  criterion: 'CP',
  title: 'Procurement announcements',
  definition:
    'The portal publishes procurement announcements (calls for tenders), on the portal or through a link to an external procurement platform.',
  topic: 'procurement',
  concepts: ['cpProcurement'],
  linkSuffices: true,
  // "Public notices" and "bandi" also list grants and funding calls: the page must list tenders.
  content: procurementNotices,
  version: 3,
});

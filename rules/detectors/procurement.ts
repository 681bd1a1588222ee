import { procurementNotices } from '../_shared/procurement-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'procurement',
  concepts: ['procurement'],
  linkSuffices: true,
  // "Public notices" and "bandi" also list grants and funding calls: the page must list tenders.
  content: procurementNotices,
  version: 3,
});

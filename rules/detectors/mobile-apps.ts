import { appStoreLinks } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'mobile apps',
  concepts: ['cpMobileApp'],
  content: appStoreLinks,
  contentAnywhere: true,
  linkSuffices: true,
});

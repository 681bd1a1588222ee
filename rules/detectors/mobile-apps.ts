import { appStoreLinks } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'mobile apps',
  concepts: ['mobileApp'],
  content: appStoreLinks,
  contentAnywhere: true,
  linkSuffices: true,
});

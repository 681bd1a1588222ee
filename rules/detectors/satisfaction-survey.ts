import { satisfactionWidget } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'user satisfaction',
  concepts: ['satisfaction'],
  content: satisfactionWidget,
  contentAnywhere: true,
  linkSuffices: true,
});

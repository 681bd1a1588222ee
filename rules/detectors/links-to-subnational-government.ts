import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'links to sub-national governments',
  concepts: ['subnational'],
  linkSuffices: true,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'e-participation portal',
  concepts: ['eparticipationPortal'],
  linkSuffices: true,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'council meetings',
  concepts: ['councilMeetings'],
});

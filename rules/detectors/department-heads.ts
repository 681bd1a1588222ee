import { leaderContacts } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'department heads',
  concepts: ['ifLeadership'],
  content: leaderContacts,
  contentAnywhere: true,
});

import { leaderContacts } from '../_shared/content-mechanisms.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'department heads',
  concepts: ['leadership'],
  content: leaderContacts,
  contentAnywhere: true,
});

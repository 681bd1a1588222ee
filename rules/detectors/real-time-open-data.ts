import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'real-time open data',
  concepts: ['realtimeData'],
});

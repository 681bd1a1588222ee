import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/310-real-time-open-data',
  code: '310',
  criterion: 'EP',
  title: 'Real-time open data',
  definition: 'Open data is provided in real time (live feeds or APIs).',
  topic: 'real-time open data',
  concepts: ['osiRealtimeData'],
});

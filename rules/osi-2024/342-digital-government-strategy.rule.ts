import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/342-digital-government-strategy',
  code: '342',
  criterion: 'IF',
  title: 'National digital government strategy',
  definition: 'The portal presents a national strategy for digital government or digital transformation.',
  topic: 'digital government strategy',
  concepts: ['osiDigitalStrategy'],
});

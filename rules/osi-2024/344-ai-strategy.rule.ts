import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/344-ai-strategy',
  code: '344',
  criterion: 'IF',
  title: 'National AI strategy',
  definition: 'The portal presents a national strategy or policy on artificial intelligence.',
  topic: 'AI strategy',
  concepts: ['osiAiStrategy'],
});

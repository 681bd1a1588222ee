import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/150-long-term-care',
  code: '150',
  criterion: 'CP',
  title: 'Long-term care',
  definition:
    'The portal explains how older persons can apply for long-term care (support at home, residential care).',
  topic: 'long-term care',
  concepts: ['osiLongTermCare'],
});

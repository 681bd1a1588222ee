import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/337-national-cio',
  code: '337',
  criterion: 'IF',
  title: 'National CIO or equivalent',
  definition:
    'The portal names a national Chief Information Officer (or chief digital officer, or the body leading digital government).',
  topic: 'national CIO',
  concepts: ['osiNationalCio'],
});

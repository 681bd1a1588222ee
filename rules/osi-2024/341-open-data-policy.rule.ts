import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/341-open-data-policy',
  code: '341',
  criterion: 'IF',
  title: 'Open government data policy',
  definition: 'The portal presents a policy, law or strategy on open government data.',
  topic: 'open data policy',
  concepts: ['osiOpenDataPolicy'],
});

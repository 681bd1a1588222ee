import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/345-e-participation-policy',
  code: '345',
  criterion: 'IF',
  title: 'E-participation policy',
  definition:
    'The portal presents a policy or plan on e-participation, public consultation or open government.',
  topic: 'e-participation policy',
  concepts: ['osiEparticipationPolicy'],
});

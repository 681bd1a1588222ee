import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/323-e-petition',
  code: '323',
  criterion: 'EP',
  title: 'E-petitions',
  definition: 'People can create or sign petitions to the government online.',
  topic: 'e-petitions',
  concepts: ['osiPetition'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/219-budget-information',
  code: '219',
  criterion: 'PE',
  title: 'Budget information',
  definition:
    "The portal publishes the city's budget information: budget documents, annual accounts or spending reports.",
  topic: 'budget information',
  concepts: ['peBudget'],
});

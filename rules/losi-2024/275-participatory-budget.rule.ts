import { defineTopicRule } from '../_shared/topic-rule.ts';

/**
 * The city's own participatory budget needs a page or section of the portal: a news item (about
 * this or another city's budget) is a mention, which the topic factory never counts as met.
 */
export default defineTopicRule({
  id: 'losi-2024/275-participatory-budget',
  code: '275',
  criterion: 'PE',
  title: 'Participatory budgeting',
  definition:
    'The city runs participatory budgeting (in the past five years or upcoming), presented in a dedicated page or section of the portal.',
  topic: 'participatory budgeting',
  concepts: ['pePartBudget'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/040-dataset-requests',
  code: '040',
  criterion: 'EP',
  title: 'Requests for new datasets',
  definition: 'People can request or suggest new open datasets online.',
  topic: 'dataset requests',
  concepts: ['osiDatasetRequest'],
});

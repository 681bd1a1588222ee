import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/343-cloud-strategy',
  code: '343',
  criterion: 'IF',
  title: 'Government cloud strategy',
  definition: 'The portal presents a government cloud computing strategy or policy.',
  topic: 'cloud strategy',
  concepts: ['osiCloudStrategy'],
});

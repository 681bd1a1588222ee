import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/233-labour',
  code: '233',
  criterion: 'CP',
  title: 'Labour information',
  definition: 'The portal provides labour information: jobs, training, unemployment benefits.',
  topic: 'jobs and training',
  concepts: ['cpLabour'],
});

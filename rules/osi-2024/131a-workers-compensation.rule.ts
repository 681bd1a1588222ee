import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/131a-workers-compensation',
  code: '131a',
  criterion: 'CP',
  title: "Workers' compensation benefits",
  definition:
    'The portal explains how to apply for compensation for work-related injuries or illnesses (eligibility, documents, application).',
  topic: "workers' compensation",
  concepts: ['osiWorkersCompensation'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/131-labour-violation-reporting',
  code: '131',
  criterion: 'EP',
  title: 'Reporting labour-law violations',
  definition: 'Workers can report violations of labour law online (labour inspection complaints).',
  topic: 'labour-violation reporting',
  concepts: ['osiLabourViolation'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/129-youth-employment',
  code: '129',
  criterion: 'CP',
  title: 'Employment for youth',
  definition:
    'The portal offers links and information on employment for young people (job listings, career guidance, training, internships).',
  topic: 'youth employment',
  concepts: ['osiYouthEmployment'],
});

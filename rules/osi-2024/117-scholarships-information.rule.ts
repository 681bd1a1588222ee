import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/117-scholarships-information',
  code: '117',
  criterion: 'CP',
  title: 'Available scholarships or other funding',
  definition:
    'The portal informs about government scholarships, grants, loans and other funding for education.',
  topic: 'scholarships and education funding',
  concepts: ['osiScholarships'],
});

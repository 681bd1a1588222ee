import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/118-scholarship-application',
  code: '118',
  criterion: 'SP',
  title: 'Applying for scholarships',
  definition: 'Students can apply online for government scholarships or education funding (#117-#118 group).',
  service: 'a scholarship application',
  concepts: ['osiScholarships'],
  hints: ['osiScholarships', 'svcStartOnline'],
});

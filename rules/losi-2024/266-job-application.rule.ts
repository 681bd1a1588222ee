import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/266-job-application',
  code: '266',
  criterion: 'SP',
  title: 'Online application for municipal vacancies',
  definition: 'Citizens can apply online for vacancies in the municipal administration.',
  service: 'an application for a municipal vacancy',
  concepts: ['svcJobApplication'],
  hints: ['svcJobApplication', 'svcStartOnline'],
});

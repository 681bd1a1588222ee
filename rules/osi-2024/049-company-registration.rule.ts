import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/049-company-registration',
  code: '049',
  criterion: 'SP',
  title: 'Registration of a new company',
  definition: 'Entrepreneurs can register a new company or business entity online.',
  service: 'company registration',
  concepts: ['osiCompanyRegistration'],
  hints: ['osiCompanyRegistration', 'svcStartOnline'],
});

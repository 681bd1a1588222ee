import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/045-visa',
  code: '045',
  criterion: 'SP',
  title: 'Entry or transit visa',
  definition:
    'Applicants can complete and submit visa applications online (forms, documents, fees, appointments).',
  service: 'a visa application',
  concepts: ['osiVisa'],
  hints: ['osiVisa', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/274-incident-reporting',
  code: '274',
  criterion: 'PE',
  title: 'Reporting incidents in public spaces',
  definition:
    'Citizens can report incidents in public spaces online (potholes, broken street lights, litter), on the portal or a site it links to.',
  service: 'reporting a problem in a public space',
  concepts: ['peIncident'],
  hints: ['peIncident', 'svcStartOnline'],
  messageFormsCount: true,
});

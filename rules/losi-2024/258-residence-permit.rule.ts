import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/258-residence-permit',
  code: '258',
  criterion: 'SP',
  title: 'Residency permit application',
  definition: 'Citizens can apply for a residency permit online, on the portal or on a site it links to.',
  service: 'a residency permit application',
  concepts: ['svcResidencePermit'],
  hints: ['svcResidencePermit', 'svcStartOnline'],
});

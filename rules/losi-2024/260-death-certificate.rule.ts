import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/260-death-certificate',
  code: '260',
  criterion: 'SP',
  title: 'Death certificate request',
  definition: 'Citizens can request a death certificate online, on the portal or on a site it links to.',
  service: 'a death certificate request',
  concepts: ['svcDeathCertificate'],
  hints: ['svcDeathCertificate', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/261-marriage-certificate',
  code: '261',
  criterion: 'SP',
  title: 'Marriage certificate request',
  definition: 'Citizens can request a marriage certificate online, on the portal or on a site it links to.',
  service: 'a marriage certificate request',
  concepts: ['svcMarriageCertificate'],
  hints: ['svcMarriageCertificate', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/259-birth-certificate',
  code: '259',
  criterion: 'SP',
  title: 'Birth certificate request',
  definition: 'Citizens can request a birth certificate online, on the portal or on a site it links to.',
  service: 'a birth certificate request',
  concepts: ['svcBirthCertificate'],
  hints: ['svcBirthCertificate', 'svcStartOnline'],
});

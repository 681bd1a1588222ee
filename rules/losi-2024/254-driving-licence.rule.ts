import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/254-driving-licence',
  code: '254',
  criterion: 'SP',
  title: 'Driving licence application',
  definition:
    'Citizens can apply for or renew a driving licence online, on the portal or on a site it links to.',
  service: 'a driving licence application',
  concepts: ['svcDrivingLicence'],
  hints: ['svcDrivingLicence', 'svcStartOnline'],
});

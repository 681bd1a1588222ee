import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/257-business-licence',
  code: '257',
  criterion: 'SP',
  title: 'Business licence application',
  definition:
    'Businesses can apply for a business or operating licence online, on the portal or on a site it links to.',
  service: 'a business licence application',
  concepts: ['svcBusinessLicence'],
  hints: ['svcBusinessLicence', 'svcStartOnline'],
});

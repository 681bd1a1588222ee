import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/262-address-change',
  code: '262',
  criterion: 'SP',
  title: 'Change of address notification',
  definition:
    'Citizens can notify the city of a change of address online, on the portal or on a site it links to.',
  service: 'a change-of-address notification',
  concepts: ['svcAddressChange'],
  hints: ['svcAddressChange', 'svcStartOnline'],
});

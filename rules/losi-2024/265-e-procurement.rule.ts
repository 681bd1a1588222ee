import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/265-e-procurement',
  code: '265',
  criterion: 'SP',
  title: 'E-procurement platform',
  definition:
    'Businesses can submit bids online through an e-procurement platform, on the portal or on a site it links to.',
  service: 'e-procurement (online bids)',
  concepts: ['svcEProcurement'],
  hints: ['svcEProcurement', 'svcStartOnline'],
});

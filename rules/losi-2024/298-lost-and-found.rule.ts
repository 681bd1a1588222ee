import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/298-lost-and-found',
  code: '298',
  criterion: 'SP',
  title: 'Online lost and found',
  definition:
    'Citizens can report or search lost and found items online, on the portal or on a site it links to.',
  service: 'an online lost-and-found service',
  concepts: ['svcLostFound'],
  hints: ['svcLostFound', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/263-land-title-registration',
  code: '263',
  criterion: 'SP',
  title: 'Land title registration',
  definition:
    'Citizens can register land titles or request land-registry services online, on the portal or on a site it links to.',
  service: 'land title registration',
  concepts: ['svcLandRegistry'],
  hints: ['svcLandRegistry', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/253-police-declaration',
  code: '253',
  criterion: 'SP',
  title: 'Online declaration to the police',
  definition:
    'Citizens can make a declaration to the municipal police online (for example a theft report or a pre-complaint), on the portal or on a site it links to.',
  service: 'an online police declaration',
  concepts: ['svcPoliceReport'],
  hints: ['svcPoliceReport', 'svcStartOnline'],
});

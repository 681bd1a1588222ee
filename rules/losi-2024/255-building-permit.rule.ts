import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/255-building-permit',
  code: '255',
  criterion: 'SP',
  title: 'Building permit application',
  definition: 'Citizens can apply for a building permit online, on the portal or on a site it links to.',
  service: 'a building permit application',
  concepts: ['svcBuildingPermit'],
  hints: ['svcBuildingPermit', 'svcStartOnline'],
});

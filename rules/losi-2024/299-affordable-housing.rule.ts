import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/299-affordable-housing',
  code: '299',
  criterion: 'SP',
  title: 'Affordable housing services',
  definition:
    'The portal offers services or consultation on affordable or social housing (for example an application to the housing register).',
  service: 'affordable housing services',
  concepts: ['svcAffordableHousing'],
  hints: ['svcAffordableHousing', 'svcStartOnline'],
  informationSuffices: true,
});

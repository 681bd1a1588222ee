import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/297-homeless-services',
  code: '297',
  criterion: 'SP',
  title: 'Services for homeless people',
  definition:
    'The portal offers or presents services for homeless people (shelters, emergency accommodation, outreach).',
  service: 'services for homeless people',
  concepts: ['svcHomeless'],
  hints: ['svcHomeless', 'svcStartOnline'],
  informationSuffices: true,
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/143-vulnerable-groups-services',
  code: '143',
  criterion: 'SP',
  title: 'Services for vulnerable groups',
  definition:
    'Online services are offered for vulnerable groups: women, children and youth, persons with disabilities, older persons, migrants, people living in poverty (#143-#148).',
  service: 'services for vulnerable groups',
  concepts: ['cpVulnerableGroups'],
  hints: ['cpVulnerableGroups', 'svcStartOnline'],
});

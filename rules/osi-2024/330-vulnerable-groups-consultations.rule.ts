import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/330-vulnerable-groups-consultations',
  code: '330',
  criterion: 'EP',
  title: 'Consultations with vulnerable groups',
  definition:
    'Online consultations are held with vulnerable groups: women, youth, persons with disabilities, older persons, migrants, people living in poverty (#330-#335).',
  topic: 'consultations with vulnerable groups',
  qualifier: ['osiConsultation'],
  sectors: { 'vulnerable groups': 'cpVulnerableGroups' },
  needed: 1,
});

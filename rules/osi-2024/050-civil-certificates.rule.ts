import { defineGroupRule } from '../_shared/group-rule.ts';
import r259BirthCertificate from '../losi-2024/259-birth-certificate.rule.ts';
import r260DeathCertificate from '../losi-2024/260-death-certificate.rule.ts';
import r261MarriageCertificate from '../losi-2024/261-marriage-certificate.rule.ts';

export default defineGroupRule({
  id: 'osi-2024/050-civil-certificates',
  code: '050',
  criterion: 'SP',
  title: 'Birth, death and marriage certificates',
  definition: 'People can apply online for birth, death and marriage certificates (#050, #051, #052).',
  members: [r259BirthCertificate, r260DeathCertificate, r261MarriageCertificate],
  names: ['birth certificate', 'death certificate', 'marriage certificate'],
});

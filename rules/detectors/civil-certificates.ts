import { defineGroupDetector } from '../_shared/group-detector.ts';
import birthCertificate from './birth-certificate.ts';
import deathCertificate from './death-certificate.ts';
import marriageCertificate from './marriage-certificate.ts';

export default defineGroupDetector({
  members: [birthCertificate, deathCertificate, marriageCertificate],
  names: ['birth certificate', 'death certificate', 'marriage certificate'],
});

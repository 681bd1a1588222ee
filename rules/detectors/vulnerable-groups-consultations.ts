import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'consultations with vulnerable groups',
  qualifier: ['osiConsultation'],
  sectors: { 'vulnerable groups': 'cpVulnerableGroups' },
  needed: 1,
});

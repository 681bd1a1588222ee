import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'consultations with vulnerable groups',
  qualifier: ['consultation'],
  sectors: { 'vulnerable groups': 'vulnerableGroups' },
  needed: 1,
});

import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'co-creation of e-services',
  qualifier: ['coCreation'],
  needed: 1,
});

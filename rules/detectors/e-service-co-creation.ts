import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'co-creation of e-services',
  qualifier: ['osiCoCreation'],
  needed: 1,
});

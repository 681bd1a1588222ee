import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'links to sector ministries',
  qualifier: ['ministry'],
});

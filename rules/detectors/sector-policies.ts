import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'sector policies',
  qualifier: ['policy'],
});

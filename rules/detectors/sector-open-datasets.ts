import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'open datasets',
  qualifier: ['openData'],
});

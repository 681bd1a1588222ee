import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'online services',
  qualifier: ['service', 'startOnline'],
});

import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'mobile services',
  qualifier: ['mobileApp'],
});

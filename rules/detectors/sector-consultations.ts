import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'online consultations',
  qualifier: ['consultation'],
});

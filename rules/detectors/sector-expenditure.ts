import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'expenditure data',
  qualifier: ['expenditureData', 'budget'],
});

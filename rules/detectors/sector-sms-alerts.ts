import { defineSectorDetector } from '../_shared/sector-detector.ts';

export default defineSectorDetector({
  topic: 'SMS alerts',
  qualifier: ['smsAlerts'],
});

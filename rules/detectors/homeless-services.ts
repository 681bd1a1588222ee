import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'services for homeless people',
  concepts: ['homeless'],
  hints: ['homeless', 'startOnline'],
  informationSuffices: true,
});

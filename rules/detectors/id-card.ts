import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'an identity card application',
  concepts: ['idCard'],
  hints: ['idCard', 'startOnline'],
});

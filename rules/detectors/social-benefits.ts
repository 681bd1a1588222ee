import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a social benefit application',
  concepts: ['osiBenefits'],
  hints: ['osiBenefits', 'svcStartOnline'],
});

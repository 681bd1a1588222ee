import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'a criminal record certificate',
  concepts: ['criminalRecord'],
  hints: ['criminalRecord', 'startOnline'],
});

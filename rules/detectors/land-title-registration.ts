import { defineServiceDetector } from '../_shared/service-detector.ts';

export default defineServiceDetector({
  service: 'land title registration',
  concepts: ['landRegistry'],
  hints: ['landRegistry', 'startOnline'],
});

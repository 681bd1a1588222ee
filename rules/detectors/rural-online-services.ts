import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask: 'it needs knowing which services target rural areas and whether they work online there.',
});

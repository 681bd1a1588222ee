import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask: 'it needs an account and a started transaction to see whether it can be saved and resumed.',
});

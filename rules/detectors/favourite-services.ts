import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask: 'it needs signing in with an account to see whether services can be marked as favourites.',
});

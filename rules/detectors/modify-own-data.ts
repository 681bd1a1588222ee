import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'it needs signing in with a real user account to see whether a person can change the data the city holds about them.',
});

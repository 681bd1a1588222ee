import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'it needs signing in with a real user account to see whether the portal shows the data the city holds about that person.',
});

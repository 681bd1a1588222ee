import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask: 'it needs signing in with a real account to see the history of past transactions.',
});

import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'it needs judging whether public input changed a decision, which a crawler cannot tell from pages.',
});

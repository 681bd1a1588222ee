import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'it needs judging whether vulnerable groups took part in decisions, which pages alone do not show.',
});

import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'the assessor reads the reply to the mystery-shopper question of indicator 250 and judges whether it answers the question usefully.',
});

import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    'a mystery-shopper test: the assessor sends a question by e-mail or the contact form and logs when the reply arrives (within 3 business days).',
});

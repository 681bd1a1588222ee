import { defineManualDetector } from '../_shared/manual-detector.ts';

export default defineManualDetector({
  assessorTask:
    "the crawler runs no CSS validator, so the assessor submits the portal's address to the W3C CSS validator (jigsaw) with the default options and counts any error as not met.",
});

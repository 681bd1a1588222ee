import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'consultation outcomes',
  concepts: ['consultationOutcome', 'opinion'],
  hints: ['consultationOutcome', 'opinion'],
  content: (page) => conceptOnPage(page, 'consultationOutcome', 'the results of a consultation'),
});

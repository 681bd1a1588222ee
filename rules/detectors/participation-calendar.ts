import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'upcoming e-participation',
  concepts: ['opinion'],
  hints: ['opinion', 'upcoming'],
  content: (page) => conceptOnPage(page, 'upcoming', 'upcoming consultations'),
});

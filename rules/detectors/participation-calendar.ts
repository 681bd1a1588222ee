import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'upcoming e-participation',
  concepts: ['peOpinion'],
  hints: ['peOpinion', 'peUpcoming'],
  content: (page) => conceptOnPage(page, 'peUpcoming', 'upcoming consultations'),
});

import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'consultation outcomes',
  concepts: ['peConsultationOutcome', 'peOpinion'],
  hints: ['peConsultationOutcome', 'peOpinion'],
  content: (page) => conceptOnPage(page, 'peConsultationOutcome', 'the results of a consultation'),
});

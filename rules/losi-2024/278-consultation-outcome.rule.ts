import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/278-consultation-outcome',
  code: '278',
  criterion: 'PE',
  title: 'Outcome of online consultations',
  definition:
    'The portal reports the outcome of an online consultation and how it was reflected in a decision.',
  topic: 'consultation outcomes',
  concepts: ['peConsultationOutcome', 'peOpinion'],
  hints: ['peConsultationOutcome', 'peOpinion'],
  content: (page) => conceptOnPage(page, 'peConsultationOutcome', 'the results of a consultation'),
});

import { conceptOnPage, serviceFormOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'participation in the land-use plan',
  concepts: ['masterPlan', 'opinion'],
  hints: ['masterPlan', 'opinion'],
  // The plan and a way to take part must be on the same page: a plan "consulted at the town hall"
  // or a consultation about something else is not enough.
  content: (page) => {
    const plan = conceptOnPage(page, 'masterPlan', 'the land-use plan');
    if (!plan) return null;
    const form = serviceFormOnPage(page, 'a form to take part in the land-use plan consultation');
    if (form) return { evidence: form.evidence, summary: `${plan.summary} open to comments online` };
    const consultation = conceptOnPage(page, 'opinion', 'a public consultation');
    return consultation
      ? { evidence: consultation.evidence, summary: `${plan.summary} under public consultation` }
      : null;
  },
});

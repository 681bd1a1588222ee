import { conceptOnPage, serviceFormOnPage } from '../_shared/page-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/276-master-plan-participation',
  code: '276',
  criterion: 'PE',
  title: 'Participation in the land-use plan',
  definition:
    'Citizens can take part online in drafting or revising the land-use or territorial master plan (consultation, comments).',
  topic: 'participation in the land-use plan',
  concepts: ['peMasterPlan', 'peOpinion'],
  hints: ['peMasterPlan', 'peOpinion'],
  // The plan and a way to take part must be on the same page: a plan "consulted at the town hall"
  // or a consultation about something else is not enough.
  content: (page) => {
    const plan = conceptOnPage(page, 'peMasterPlan', 'the land-use plan');
    if (!plan) return null;
    const form = serviceFormOnPage(page, 'a form to take part in the land-use plan consultation');
    if (form) return { evidence: form.evidence, summary: `${plan.summary} open to comments online` };
    const consultation = conceptOnPage(page, 'peOpinion', 'a public consultation');
    return consultation
      ? { evidence: consultation.evidence, summary: `${plan.summary} under public consultation` }
      : null;
  },
});

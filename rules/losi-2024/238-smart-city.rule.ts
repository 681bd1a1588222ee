import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/238-smart-city',
  code: '238',
  criterion: 'CP',
  title: 'Smart-city initiatives',
  definition: 'The portal presents smart-city initiatives, a smart-city strategy or smart-city services.',
  topic: 'smart-city initiatives',
  concepts: ['cpSmartCity'],
  bodyText: { minTerms: 1 },
});

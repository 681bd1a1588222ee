import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/223-partnerships',
  code: '223',
  criterion: 'CP',
  title: 'Initiatives with third parties',
  definition:
    'The portal presents initiatives run with third parties such as civil society, volunteers or private partners (partnerships, crowdsourcing, crowdfunding).',
  topic: 'partnerships',
  concepts: ['cpPartnerships'],
});

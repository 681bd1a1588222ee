import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/229-social-welfare',
  code: '229',
  criterion: 'CP',
  title: 'Social welfare information',
  definition: 'The portal provides information on social welfare: benefits and social programmes.',
  topic: 'social welfare',
  concepts: ['cpSocialWelfare'],
});

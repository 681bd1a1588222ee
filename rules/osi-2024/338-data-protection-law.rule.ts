import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/338-data-protection-law',
  code: '338',
  criterion: 'IF',
  title: 'Personal data protection legislation',
  definition: 'The portal presents the national law on the protection of personal data.',
  topic: 'data protection legislation',
  concepts: ['osiDataProtectionLaw'],
});

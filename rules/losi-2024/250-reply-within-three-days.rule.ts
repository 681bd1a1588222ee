import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/250-reply-within-three-days',
  code: '250',
  criterion: 'PE',
  title: 'Reply to a question within three days',
  definition:
    'The city replies to a test question sent by e-mail or through the portal’s contact form within three business days.',
  assessorTask:
    'a mystery-shopper test: the assessor sends a question by e-mail or the contact form and logs when the reply arrives (within 3 business days).',
});

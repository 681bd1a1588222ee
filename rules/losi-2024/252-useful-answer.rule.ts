import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/252-useful-answer',
  code: '252',
  criterion: 'PE',
  title: 'Useful answer to a question',
  definition:
    'The reply to the test question (indicator 250), received within three days, actually answers it in a useful way.',
  assessorTask:
    'the assessor reads the reply to the mystery-shopper question of indicator 250 and judges whether it answers the question usefully.',
});

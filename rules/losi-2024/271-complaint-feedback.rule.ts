import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/271-complaint-feedback',
  code: '271',
  criterion: 'PE',
  title: 'Complaint or feedback online',
  definition:
    'Citizens can send a complaint, feedback or a message to the mayor online through a form on the portal.',
  service: 'sending a complaint or feedback',
  concepts: ['peFeedback'],
  hints: ['peFeedback', 'svcStartOnline'],
  messageFormsCount: true,
});

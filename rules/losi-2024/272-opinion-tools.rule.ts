import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/272-opinion-tools',
  code: '272',
  criterion: 'PE',
  title: 'Online tools to collect opinion',
  definition:
    "The portal offers online tools (consultations, polls, petitions, forums) to collect citizens' opinion on policies or services.",
  service: 'giving an opinion online (consultation, poll or petition)',
  concepts: ['peOpinion'],
  hints: ['peOpinion', 'svcStartOnline'],
  messageFormsCount: true,
});

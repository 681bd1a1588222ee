import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/302-e-participation-portal',
  code: '302',
  criterion: 'EP',
  title: 'E-participation portal',
  definition:
    'A dedicated e-participation portal or platform exists, on the national portal or linked from it.',
  topic: 'e-participation portal',
  concepts: ['osiEparticipationPortal'],
  linkSuffices: true,
});

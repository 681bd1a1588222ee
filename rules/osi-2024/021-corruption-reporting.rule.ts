import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/021-corruption-reporting',
  code: '021',
  criterion: 'EP',
  title: 'Reporting corruption',
  definition:
    'People can report corruption or fraud by public officials online (a form, a whistle-blowing channel).',
  topic: 'corruption reporting',
  concepts: ['osiCorruptionReport'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/230-culture-sport',
  code: '230',
  criterion: 'CP',
  title: 'Leisure, culture and sport',
  definition: 'The portal provides information on leisure, culture and sport.',
  topic: 'culture and sport',
  concepts: ['cpCultureSport'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/284-waste-recycling',
  code: '284',
  criterion: 'CP',
  title: 'Waste reduction and recycling',
  definition: 'The portal provides information on waste reduction, recycling and reuse.',
  topic: 'waste and recycling',
  concepts: ['cpWaste'],
});

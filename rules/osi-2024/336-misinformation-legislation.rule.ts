import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/336-misinformation-legislation',
  code: '336',
  criterion: 'IF',
  title: 'Legislation against misinformation',
  definition:
    'The portal presents legislation or official measures against misinformation and disinformation.',
  topic: 'legislation against misinformation',
  concepts: ['osiMisinformationLaw'],
});

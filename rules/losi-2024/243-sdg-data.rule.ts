import { sdgData } from '../_shared/content-figures.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/243-sdg-data',
  code: '243',
  criterion: 'CP',
  title: 'SDG data or Voluntary Local Review',
  definition:
    'The portal publishes quantitative data on the Sustainable Development Goals or a Voluntary Local Review.',
  topic: 'the SDGs',
  concepts: ['cpSdg'],
  content: sdgData,
});

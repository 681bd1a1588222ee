import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/217-about-city',
  code: '217',
  criterion: 'CP',
  title: 'About the city',
  definition:
    'The portal gives information about the municipality: its history, geography, demography or economy.',
  topic: 'the city',
  concepts: ['cpAbout'],
});

import { airPolicy } from '../_shared/content-figures.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/291-air-quality-policy',
  code: '291',
  criterion: 'CP',
  title: 'Air-pollution policy',
  definition: "The portal presents the city's policy or measures against air pollution.",
  topic: 'air quality',
  concepts: ['cpAirQuality', 'cpAirPolicy'],
  content: airPolicy,
});

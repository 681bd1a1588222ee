import { airPolicy } from '../_shared/content-figures.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'air quality',
  concepts: ['airQuality', 'airPolicy'],
  content: airPolicy,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'GIS data and services',
  concepts: ['gis'],
  linkSuffices: true,
});

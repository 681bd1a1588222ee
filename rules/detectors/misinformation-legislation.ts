import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'legislation against misinformation',
  concepts: ['misinformationLaw'],
});

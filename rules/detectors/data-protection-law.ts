import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'data protection legislation',
  concepts: ['dataProtectionLaw'],
});

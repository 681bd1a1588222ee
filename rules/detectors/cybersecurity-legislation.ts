import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'cybersecurity legislation',
  concepts: ['cybersecurityLaw'],
});

import { sdgData } from '../_shared/content-figures.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'the SDGs',
  concepts: ['sdg'],
  content: sdgData,
});

import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'the organisational chart',
  concepts: ['orgChart'],
  documentSuffices: true,
  // A chart shown as a figure names itself in its caption.
  bodyText: { minTerms: 1, concepts: ['orgChartWord'] },
});

import { datasetLinksOnPage } from '../_shared/dataset-links.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'government expenditure data',
  concepts: ['expenditureData'],
  content: (page) => datasetLinksOnPage(page),
});

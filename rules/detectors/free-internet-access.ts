import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'free Internet access',
  concepts: ['freeWifi'],
  // Free Wi-Fi is often a paragraph of a digital-inclusion section ("Getting online").
  headingConcepts: ['freeWifi', 'assistedAccess'],
  hints: ['freeWifi', 'assistedAccess'],
  content: (page) => conceptOnPage(page, 'freeWifi', 'free Wi-Fi or free Internet access'),
});

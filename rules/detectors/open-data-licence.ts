import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

export default defineTopicDetector({
  topic: 'open data licence',
  concepts: ['openData'],
  content: (page) => conceptOnPage(page, 'openLicence', 'an open licence'),
});

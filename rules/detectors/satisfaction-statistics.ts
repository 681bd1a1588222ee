import type { PageCapture } from '../../src/core/index.ts';
import { satisfactionFigures } from '../_shared/content-figures.ts';
import { headingText, titleText } from '../_shared/folded-captures.ts';
import { defineTopicDetector } from '../_shared/topic-detector.ts';

/** A page titled with satisfaction words needs one figure; elsewhere two, so a passing "90 % satisfied" in a news item is not enough. */
function publishedFigures(page: PageCapture) {
  const word = 'satisfactionWord';
  const titled = titleText(page).find(word) !== null || page.headings.some((h) => headingText(h).find(word));
  return satisfactionFigures(page, titled ? 1 : 2);
}

export default defineTopicDetector({
  topic: 'user-satisfaction results',
  concepts: ['satisfactionResults'],
  headingConcepts: ['satisfactionResults', 'satisfactionWord'],
  hints: ['satisfactionResults', 'satisfaction'],
  content: publishedFigures,
  contentAnywhere: true,
});

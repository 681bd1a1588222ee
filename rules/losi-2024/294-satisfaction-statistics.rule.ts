import type { PageCapture } from '../../src/core/index.ts';
import { satisfactionFigures } from '../_shared/content-figures.ts';
import { headingText, titleText } from '../_shared/folded-captures.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

/** A page titled with satisfaction words needs one figure; elsewhere two, so a passing "90 % satisfied" in a news item is not enough. */
function publishedFigures(page: PageCapture) {
  const word = 'cpSatisfactionWord';
  const titled = titleText(page).find(word) !== null || page.headings.some((h) => headingText(h).find(word));
  return satisfactionFigures(page, titled ? 1 : 2);
}

export default defineTopicRule({
  id: 'losi-2024/294-satisfaction-statistics',
  code: '294',
  criterion: 'CP',
  title: 'Published user-satisfaction statistics',
  definition:
    'The portal publishes statistics on user satisfaction with its services (percentages or scores from satisfaction surveys).',
  topic: 'user-satisfaction results',
  concepts: ['cpSatisfactionResults'],
  headingConcepts: ['cpSatisfactionResults', 'cpSatisfactionWord'],
  hints: ['cpSatisfactionResults', 'cpSatisfaction'],
  content: publishedFigures,
  contentAnywhere: true,
});

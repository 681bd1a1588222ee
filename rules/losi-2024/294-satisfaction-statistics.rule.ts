import type { PageCapture } from '../../src/core/index.ts';
import { satisfactionFigures } from '../_shared/content-figures.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';
import { conceptMatcher } from '../lexicons/index.ts';

/** A page titled with satisfaction words needs one figure; elsewhere two, so a passing "90 % satisfied" in a news item is not enough. */
function publishedFigures(page: PageCapture) {
  const words = conceptMatcher('cpSatisfactionWord');
  const titled = words.test(page.title) || page.headings.some((h) => words.test(h.text));
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

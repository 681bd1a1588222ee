import { defineTopicDetector } from '../_shared/topic-detector.ts';

/**
 * The city's own participatory budget needs a page or section of the portal: a news item (about
 * this or another city's budget) is a mention, which the topic factory never counts as met.
 */
export default defineTopicDetector({
  topic: 'participatory budgeting',
  concepts: ['participatoryBudget'],
});

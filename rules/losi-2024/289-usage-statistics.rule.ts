import { usageFigures } from '../_shared/content-figures.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/289-usage-statistics',
  code: '289',
  criterion: 'CP',
  title: 'Portal usage statistics',
  definition: 'The portal publishes statistics on its own use (visits, visitors, page views).',
  topic: 'portal usage statistics',
  concepts: ['cpUsageStats'],
  content: usageFigures,
});

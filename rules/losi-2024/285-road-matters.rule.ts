import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/285-road-matters',
  code: '285',
  criterion: 'CP',
  title: 'Road matters',
  definition: 'The portal provides information on road matters: roadworks, road closures, road safety.',
  topic: 'road matters',
  // Roadworks are announced as news.
  pageRoles: ['news', 'project', 'faq'],
  concepts: ['cpRoadworks'],
  // Roadworks and closures are announced as news items.
  articlesCount: true,
});

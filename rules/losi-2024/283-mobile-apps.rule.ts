import { appStoreLinks } from '../_shared/content-mechanisms.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/283-mobile-apps',
  code: '283',
  criterion: 'CP',
  title: 'Mobile apps',
  definition: 'The city offers mobile apps for government duties, presented or linked on the portal.',
  topic: 'mobile apps',
  concepts: ['cpMobileApp'],
  content: appStoreLinks,
  contentAnywhere: true,
  linkSuffices: true,
});

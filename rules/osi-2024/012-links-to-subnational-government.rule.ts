import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/012-links-to-subnational-government',
  code: '012',
  criterion: 'IF',
  title: 'Links to sub-national governments',
  definition: 'The portal links to the portals of regional and local governments (sub-national levels).',
  topic: 'links to sub-national governments',
  concepts: ['osiSubnational'],
  linkSuffices: true,
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/080-gis-services',
  code: '080',
  criterion: 'SP',
  title: 'GIS data and services',
  definition:
    'The portal offers geographic information (GIS data, map viewers or a geoportal) online (#080, #081).',
  topic: 'GIS data and services',
  concepts: ['osiGis'],
  linkSuffices: true,
});

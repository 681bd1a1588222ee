import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/090-sector-ministry-links',
  code: '090',
  criterion: 'IF',
  title: 'Links to sector ministries',
  definition:
    'The portal links to the ministries of health, education, employment and labour, social protection, environment and justice (#090, #103, #119, #132, #161, #172).',
  topic: 'links to sector ministries',
  qualifier: ['osiMinistry'],
});

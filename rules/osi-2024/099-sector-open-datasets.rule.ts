import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/099-sector-open-datasets',
  code: '099',
  criterion: 'EP',
  title: 'Open datasets by sector',
  definition:
    'Open government datasets are available for health, education, employment and labour, social protection, environment and justice.',
  topic: 'open datasets',
  qualifier: ['openData'],
});

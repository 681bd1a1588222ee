import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/091-sector-policies',
  code: '091',
  criterion: 'IF',
  title: 'Sector policies',
  definition:
    'The portal presents government policies for health, education, employment and labour, social protection, environment and justice (#091, #104, #120, #133, #162, #173).',
  topic: 'sector policies',
  qualifier: ['osiPolicy'],
});

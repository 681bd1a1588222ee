import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/304-sector-budget-datasets',
  code: '304',
  criterion: 'EP',
  title: 'Budget datasets by sector',
  definition:
    'Budget data is published for health, education, employment and labour, social protection, environment and justice (#304-#309).',
  topic: 'budget data',
  qualifier: ['peBudget'],
});

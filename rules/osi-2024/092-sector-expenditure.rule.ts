import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/092-sector-expenditure',
  code: '092',
  criterion: 'EP',
  title: 'Expenditure by sector',
  definition:
    'Government expenditure is published for health, education, employment and labour, social protection, environment and justice.',
  topic: 'expenditure data',
  qualifier: ['osiExpenditureData', 'peBudget'],
});

import { datasetLinksOnPage } from '../_shared/dataset-links.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/078-expenditure-datasets',
  code: '078',
  criterion: 'EP',
  title: 'Government expenditure datasets',
  definition: 'Government expenditure data is published as open datasets.',
  topic: 'government expenditure data',
  concepts: ['osiExpenditureData'],
  content: (page) => datasetLinksOnPage(page),
});

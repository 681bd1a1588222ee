import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/215-org-chart',
  code: '215',
  criterion: 'IF',
  title: 'Organisational chart',
  definition:
    'The portal publishes the organisational structure of the city administration (an organisation chart as a page, image or document).',
  topic: 'the organisational chart',
  concepts: ['ifOrgChart'],
  documentSuffices: true,
  // A chart shown as a figure names itself in its caption.
  bodyText: { minTerms: 1, concepts: ['ifOrgChartWord'] },
});

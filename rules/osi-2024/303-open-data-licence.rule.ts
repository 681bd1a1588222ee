import { conceptOnPage } from '../_shared/page-content.ts';
import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/303-open-data-licence',
  code: '303',
  criterion: 'EP',
  title: 'Open data licence',
  definition:
    'Open datasets are published under an open licence stated on the portal (Creative Commons, ODbL, an open government licence).',
  topic: 'open data licence',
  concepts: ['openData'],
  content: (page) => conceptOnPage(page, 'osiOpenLicence', 'an open licence'),
});

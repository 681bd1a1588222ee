import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/231-vulnerable-groups',
  code: '231',
  criterion: 'CP',
  title: 'Information for vulnerable groups',
  definition:
    'The portal provides information for vulnerable groups: women, children, youth, people with disabilities, older people, indigenous people, the poor.',
  topic: 'vulnerable groups',
  concepts: ['cpVulnerableGroups'],
});

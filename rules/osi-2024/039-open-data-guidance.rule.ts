import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/039-open-data-guidance',
  code: '039',
  criterion: 'EGL',
  title: 'Guidance on open government datasets',
  definition: 'Guides, toolkits or tutorials help users access and use open government datasets.',
  topic: 'open data guidance',
  concepts: ['osiOpenDataGuidance'],
});

import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/225b-assisted-digital-access',
  code: '225b',
  criterion: 'EGL',
  title: 'Places for assisted access to online services',
  definition:
    'The portal informs about physical places (community centres, libraries, service points) where people can use online services with personal assistance.',
  topic: 'assisted digital access',
  concepts: ['assistedAccess'],
});

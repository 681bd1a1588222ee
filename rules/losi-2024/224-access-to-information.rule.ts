import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'losi-2024/224-access-to-information',
  code: '224',
  criterion: 'IF',
  title: 'Right of access to information',
  definition:
    "The portal provides content on the citizens' right of access to public information (freedom of information): the law, how to request information, or a request form.",
  topic: 'access to information',
  concepts: ['ifAccessInfo'],
});

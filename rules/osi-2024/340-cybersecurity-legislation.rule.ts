import { defineTopicRule } from '../_shared/topic-rule.ts';

export default defineTopicRule({
  id: 'osi-2024/340-cybersecurity-legislation',
  code: '340',
  criterion: 'IF',
  title: 'Cybersecurity legislation',
  definition: 'The portal presents national legislation or a strategy on cybersecurity or cybercrime.',
  topic: 'cybersecurity legislation',
  concepts: ['osiCybersecurityLaw'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/053-id-card',
  code: '053',
  criterion: 'SP',
  title: 'Personal identity card',
  definition: 'People can apply for or renew a national identity card online.',
  service: 'an identity card application',
  concepts: ['osiIdCard'],
  hints: ['osiIdCard', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/131b-retirement-pension',
  code: '131b',
  criterion: 'SP',
  title: 'Retirement benefits',
  definition: 'People can apply online for a retirement pension or retirement benefits.',
  service: 'a retirement pension application',
  concepts: ['osiPension'],
  hints: ['osiPension', 'svcStartOnline'],
});

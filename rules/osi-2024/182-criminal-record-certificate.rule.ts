import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/182-criminal-record-certificate',
  code: '182',
  criterion: 'SP',
  title: 'Criminal record certificate',
  definition: 'People can request a criminal record certificate (police clearance) online.',
  service: 'a criminal record certificate',
  concepts: ['osiCriminalRecord'],
  hints: ['osiCriminalRecord', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/267-report-discrimination',
  code: '267',
  criterion: 'PE',
  title: 'Report discrimination online',
  definition: 'Citizens can report discrimination online, through the portal or a site it links to.',
  service: 'reporting discrimination',
  concepts: ['peDiscrimination'],
  hints: ['peDiscrimination', 'svcStartOnline'],
  messageFormsCount: true,
});

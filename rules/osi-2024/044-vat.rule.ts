import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/044-vat',
  code: '044',
  criterion: 'SP',
  title: 'Value added tax (VAT/GST)',
  definition: 'Businesses can file and pay value added tax (VAT, GST or equivalent) online.',
  service: 'VAT filing',
  concepts: ['osiVat'],
  hints: ['osiVat', 'svcStartOnline'],
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/079-e-invoicing',
  code: '079',
  criterion: 'SP',
  title: 'Digital invoices (e-invoicing)',
  definition: 'Businesses can issue or submit electronic invoices to the government online.',
  service: 'e-invoicing',
  concepts: ['osiEInvoicing'],
  hints: ['osiEInvoicing', 'svcStartOnline'],
});

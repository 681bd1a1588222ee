import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/268-tax-filing',
  code: '268',
  criterion: 'SP',
  title: 'Online tax filing',
  definition:
    'Citizens can file municipal taxes and related forms online, on the portal or on a site it links to.',
  service: 'online tax filing',
  concepts: ['svcTaxFiling'],
  hints: ['svcTaxFiling', 'svcStartOnline'],
  notPayment: true,
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/269a-online-payment',
  code: '269a',
  criterion: 'SP',
  title: 'Online payment of municipal services',
  definition:
    'Citizens can pay for at least one municipal service online (payment gateway or online payment form), on the portal or on a site it links to.',
  service: 'online payment of a municipal service',
  concepts: ['svcPayment'],
  hints: ['svcPayment'],
  affordance: 'payment',
});

import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'osi-2024/082-business-tax',
  code: '082',
  criterion: 'SP',
  title: 'Business tax filing',
  definition: 'Businesses can file corporate or business taxes online.',
  service: 'business tax filing',
  concepts: ['osiBusinessTax'],
  hints: ['osiBusinessTax', 'svcStartOnline'],
});

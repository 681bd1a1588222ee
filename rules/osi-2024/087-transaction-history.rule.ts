import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/087-transaction-history',
  code: '087',
  criterion: 'TEC',
  title: 'List of past transactions',
  definition: 'Users can see a list of their previous interactions and transactions on a government portal.',
  assessorTask: 'it needs signing in with a real account to see the history of past transactions.',
});

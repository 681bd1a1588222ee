import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/247-modify-own-data',
  code: '247',
  criterion: 'TEC',
  title: 'Modify own data',
  definition:
    'Users can update part of the data the city holds about them (contact details, address and similar) after signing in to the portal.',
  assessorTask:
    'it needs signing in with a real user account to see whether a person can change the data the city holds about them.',
});

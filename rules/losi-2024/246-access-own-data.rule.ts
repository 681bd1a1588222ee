import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'losi-2024/246-access-own-data',
  code: '246',
  criterion: 'TEC',
  title: 'Access to own data',
  definition:
    'Users can see the data the city holds about them (for example records of their requests, taxes or registrations) after signing in to the portal.',
  assessorTask:
    'it needs signing in with a real user account to see whether the portal shows the data the city holds about that person.',
});

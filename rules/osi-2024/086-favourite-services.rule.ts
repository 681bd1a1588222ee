import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/086-favourite-services',
  code: '086',
  criterion: 'EGL',
  title: 'Mark favourite services',
  definition: 'Users can personalise the portal by marking their favourite or most used online services.',
  assessorTask: 'it needs signing in with an account to see whether services can be marked as favourites.',
});

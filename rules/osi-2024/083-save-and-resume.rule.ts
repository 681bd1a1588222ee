import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/083-save-and-resume',
  code: '083',
  criterion: 'TEC',
  title: 'Save a transaction and resume later',
  definition: 'Users can save a transaction started on a government portal and resume it later.',
  assessorTask: 'it needs an account and a started transaction to see whether it can be saved and resumed.',
});

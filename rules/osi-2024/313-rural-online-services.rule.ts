import { defineManualRule } from '../_shared/manual-rule.ts';

export default defineManualRule({
  id: 'osi-2024/313-rural-online-services',
  code: '313',
  criterion: 'EP',
  title: 'Online services for rural areas',
  definition: 'The government provides online services targeted at people in rural areas.',
  assessorTask: 'it needs knowing which services target rural areas and whether they work online there.',
});

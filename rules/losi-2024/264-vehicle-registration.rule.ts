import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/264-vehicle-registration',
  code: '264',
  criterion: 'SP',
  title: 'Vehicle registration',
  definition: 'Citizens can register a vehicle online, on the portal or on a site it links to.',
  service: 'vehicle registration',
  concepts: ['svcVehicleRegistration'],
  hints: ['svcVehicleRegistration', 'svcStartOnline'],
});

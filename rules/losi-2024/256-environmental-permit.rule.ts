import { defineServiceRule } from '../_shared/service-rule.ts';

export default defineServiceRule({
  id: 'losi-2024/256-environmental-permit',
  code: '256',
  criterion: 'SP',
  title: 'Environment-related permit',
  definition:
    'Citizens can apply online for an environment-related permit (for example tree removal or an environmental licence), on the portal or on a site it links to.',
  service: 'an environment-related permit',
  concepts: ['svcEnvironmentPermit'],
  hints: ['svcEnvironmentPermit', 'svcStartOnline'],
});

import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/317-e-service-co-creation',
  code: '317',
  criterion: 'EGL',
  title: 'Co-creation of e-services',
  definition:
    'Evidence of co-creation or co-production of e-services with people in health, education, employment, social protection, environment and justice (#317-#322).',
  topic: 'co-creation of e-services',
  qualifier: ['osiCoCreation'],
  needed: 1,
});

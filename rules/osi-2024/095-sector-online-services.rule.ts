import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/095-sector-online-services',
  code: '095',
  criterion: 'SP',
  title: 'Online services by sector',
  definition:
    'The portal offers online services in health, education, employment and labour, social protection, environment and justice (#095 and its sector codes).',
  topic: 'online services',
  qualifier: ['service', 'svcStartOnline'],
});

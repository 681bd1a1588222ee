import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/095a-sector-mobile-services',
  code: '095a',
  criterion: 'SP',
  title: 'Mobile services by sector',
  definition:
    'Mobile apps or mobile services are offered in health, education, employment and labour, social protection, environment and justice.',
  topic: 'mobile services',
  qualifier: ['cpMobileApp'],
});

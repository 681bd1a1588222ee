import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/096-sector-consultations',
  code: '096',
  criterion: 'EP',
  title: 'Online consultations by sector',
  definition:
    'Online public consultations are held in health, education, employment and labour, social protection, environment and justice.',
  topic: 'online consultations',
  qualifier: ['osiConsultation'],
});

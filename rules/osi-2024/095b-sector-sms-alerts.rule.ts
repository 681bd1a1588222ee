import { defineSectorRule } from '../_shared/sector-rule.ts';

export default defineSectorRule({
  id: 'osi-2024/095b-sector-sms-alerts',
  code: '095b',
  criterion: 'SP',
  title: 'SMS or e-mail alerts by sector',
  definition:
    'People can subscribe to SMS (or e-mail) alerts in health, education, employment and labour, social protection, environment and justice.',
  topic: 'SMS alerts',
  qualifier: ['osiSmsAlerts'],
});

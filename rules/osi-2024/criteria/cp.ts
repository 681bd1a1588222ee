import type { Rule } from '../../../src/core/index.ts';
import r212OtherLanguage from '../../losi-2024/212-other-language.rule.ts';
import r220Procurement from '../../losi-2024/220-procurement.rule.ts';
import r221ProcurementResults from '../../losi-2024/221-procurement-results.rule.ts';
import r289UsageStatistics from '../../losi-2024/289-usage-statistics.rule.ts';
import r117ScholarshipsInformation from '../117-scholarships-information.rule.ts';
import r129YouthEmployment from '../129-youth-employment.rule.ts';
import r131aWorkersCompensation from '../131a-workers-compensation.rule.ts';
import r150LongTermCare from '../150-long-term-care.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 Content Provision (CP) items, in the order of the questionnaire module. */
export const CP_RULES: readonly Rule[] = [
  deriveRule(r212OtherLanguage, {
    id: 'osi-2024/015-foreign-language',
    code: '015',
    criterion: 'CP',
    title: 'Foreign language support',
    definition:
      'The portal provides information or services in a language other than the official or primary language of the country.',
  }),
  deriveRule(r220Procurement, {
    id: 'osi-2024/028-procurement-announcements',
    code: '028',
    criterion: 'CP',
    title: 'Procurement announcements',
    definition:
      'The portal publishes government procurement announcements (tenders), or links to the platform that does.',
  }),
  deriveRule(r221ProcurementResults, {
    id: 'osi-2024/030-procurement-results',
    code: '030',
    criterion: 'CP',
    title: 'Procurement results',
    definition:
      'The portal publishes the results of procurement processes (awards), or links to the platform that does.',
  }),
  deriveRule(r289UsageStatistics, {
    id: 'osi-2024/088-usage-statistics',
    code: '088',
    criterion: 'CP',
    title: 'Portal usage statistics',
    definition: 'The portal publishes statistics on its use (visits, page views, time on site).',
  }),
  r117ScholarshipsInformation,
  r129YouthEmployment,
  r131aWorkersCompensation,
  r150LongTermCare,
];

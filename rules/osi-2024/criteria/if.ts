import type { Rule } from '../../../src/core/index.ts';
import r215OrgChart from '../../losi-2024/215-org-chart.rule.ts';
import r216DepartmentHeads from '../../losi-2024/216-department-heads.rule.ts';
import r224AccessToInformation from '../../losi-2024/224-access-to-information.rule.ts';
import r012LinksToSubnationalGovernment from '../012-links-to-subnational-government.rule.ts';
import r090SectorMinistryLinks from '../090-sector-ministry-links.rule.ts';
import r091SectorPolicies from '../091-sector-policies.rule.ts';
import r336MisinformationLegislation from '../336-misinformation-legislation.rule.ts';
import r337NationalCio from '../337-national-cio.rule.ts';
import r338DataProtectionLaw from '../338-data-protection-law.rule.ts';
import r340CybersecurityLegislation from '../340-cybersecurity-legislation.rule.ts';
import r341OpenDataPolicy from '../341-open-data-policy.rule.ts';
import r342DigitalGovernmentStrategy from '../342-digital-government-strategy.rule.ts';
import r343CloudStrategy from '../343-cloud-strategy.rule.ts';
import r344AiStrategy from '../344-ai-strategy.rule.ts';
import r345EParticipationPolicy from '../345-e-participation-policy.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 Institutional Framework (IF) items, in the order of the questionnaire module. */
export const IF_RULES: readonly Rule[] = [
  deriveRule(r215OrgChart, {
    id: 'osi-2024/010-organisational-structure',
    code: '010',
    criterion: 'IF',
    title: 'Organisational structure',
    definition:
      'The national portal presents the organisational structure of the government (an organisation chart of ministries and agencies).',
  }),
  deriveRule(r216DepartmentHeads, {
    id: 'osi-2024/011-heads-of-department',
    code: '011',
    criterion: 'IF',
    title: 'Names and titles of heads of department',
    definition: 'The portal gives the names and titles of the heads of ministries, departments or agencies.',
  }),
  r012LinksToSubnationalGovernment,
  r342DigitalGovernmentStrategy,
  deriveRule(r224AccessToInformation, {
    id: 'osi-2024/339-right-to-information',
    code: '339',
    criterion: 'IF',
    title: 'Right to access information',
    definition:
      'The portal presents the law or content on the right of access to public information (freedom of information), with a way to request it.',
  }),
  r338DataProtectionLaw,
  r340CybersecurityLegislation,
  r337NationalCio,
  r345EParticipationPolicy,
  r341OpenDataPolicy,
  r090SectorMinistryLinks,
  r091SectorPolicies,
  r336MisinformationLegislation,
  r343CloudStrategy,
  r344AiStrategy,
];

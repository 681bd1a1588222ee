import type { Rule } from '../../../src/core/index.ts';
import r236OpenData from '../../losi-2024/236-open-data.rule.ts';
import r272OpinionTools from '../../losi-2024/272-opinion-tools.rule.ts';
import r275ParticipatoryBudget from '../../losi-2024/275-participatory-budget.rule.ts';
import r277ParticipationCalendar from '../../losi-2024/277-participation-calendar.rule.ts';
import r021CorruptionReporting from '../021-corruption-reporting.rule.ts';
import r040DatasetRequests from '../040-dataset-requests.rule.ts';
import r042OpenDataEvents from '../042-open-data-events.rule.ts';
import r078ExpenditureDatasets from '../078-expenditure-datasets.rule.ts';
import r092SectorExpenditure from '../092-sector-expenditure.rule.ts';
import r096SectorConsultations from '../096-sector-consultations.rule.ts';
import r098VoicesInDecisions from '../098-voices-in-decisions.rule.ts';
import r099SectorOpenDatasets from '../099-sector-open-datasets.rule.ts';
import r131LabourViolationReporting from '../131-labour-violation-reporting.rule.ts';
import r302EParticipationPortal from '../302-e-participation-portal.rule.ts';
import r303OpenDataLicence from '../303-open-data-licence.rule.ts';
import r304SectorBudgetDatasets from '../304-sector-budget-datasets.rule.ts';
import r310RealTimeOpenData from '../310-real-time-open-data.rule.ts';
import r313RuralOnlineServices from '../313-rural-online-services.rule.ts';
import r323EPetition from '../323-e-petition.rule.ts';
import r324VulnerableGroupsDecisions from '../324-vulnerable-groups-decisions.rule.ts';
import r330VulnerableGroupsConsultations from '../330-vulnerable-groups-consultations.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 E-Participation (EP) items, in the order of the questionnaire module. */
export const EP_RULES: readonly Rule[] = [
  deriveRule(r236OpenData, {
    id: 'osi-2024/037-open-data-portal',
    code: '037',
    criterion: 'EP',
    title: 'Open government data portal',
    definition:
      'The government provides open datasets in machine-readable formats through an open-data portal or catalogue.',
  }),
  r099SectorOpenDatasets,
  r303OpenDataLicence,
  r021CorruptionReporting,
  deriveRule(r277ParticipationCalendar, {
    id: 'osi-2024/033-e-participation-calendar',
    code: '033',
    criterion: 'EP',
    title: 'E-participation calendar',
    definition:
      'The portal announces upcoming e-participation activities (consultations, debates) with dates.',
  }),
  deriveRule(r272OpinionTools, {
    id: 'osi-2024/034-online-policy-tools',
    code: '034',
    criterion: 'EP',
    title: 'Online tools for public opinion on policy',
    definition:
      'The portal offers online tools to collect public opinion on policies (consultations, polls, forums).',
  }),
  r040DatasetRequests,
  r042OpenDataEvents,
  r078ExpenditureDatasets,
  r092SectorExpenditure,
  r096SectorConsultations,
  r131LabourViolationReporting,
  deriveRule(r275ParticipatoryBudget, {
    id: 'osi-2024/193-participatory-budgeting',
    code: '193',
    criterion: 'EP',
    title: 'Participatory budgeting',
    definition: 'The government runs participatory budgeting in which people decide part of the budget.',
  }),
  r302EParticipationPortal,
  r304SectorBudgetDatasets,
  r310RealTimeOpenData,
  r323EPetition,
  r330VulnerableGroupsConsultations,
  r098VoicesInDecisions,
  r313RuralOnlineServices,
  r324VulnerableGroupsDecisions,
];

import type { Rule } from '../../../src/core/index.ts';
import otherLanguage from '../212-other-language.rule.ts';
import aboutCity from '../217-about-city.rule.ts';
import emergencyAlerts from '../218-emergency-alerts.rule.ts';
import procurement from '../220-procurement.rule.ts';
import procurementResults from '../221-procurement-results.rule.ts';
import serviceCatalogue from '../222-service-catalogue.rule.ts';
import partnerships from '../223-partnerships.rule.ts';
import health from '../226-health.rule.ts';
import environment from '../227-environment.rule.ts';
import education from '../228-education.rule.ts';
import socialWelfare from '../229-social-welfare.rule.ts';
import cultureSport from '../230-culture-sport.rule.ts';
import vulnerableGroups from '../231-vulnerable-groups.rule.ts';
import justice from '../232-justice.rule.ts';
import labour from '../233-labour.rule.ts';
import smartCity from '../238-smart-city.rule.ts';
import emergingTechnologies from '../239-emerging-technologies.rule.ts';
import sdgData from '../243-sdg-data.rule.ts';
import publicTransport from '../282-public-transport.rule.ts';
import mobileApps from '../283-mobile-apps.rule.ts';
import wasteRecycling from '../284-waste-recycling.rule.ts';
import roadMatters from '../285-road-matters.rule.ts';
import usageStatistics from '../289-usage-statistics.rule.ts';
import emergency from '../290-emergency.rule.ts';
import airQualityPolicy from '../291-air-quality-policy.rule.ts';
import airQualityData from '../292-air-quality-data.rule.ts';
import satisfactionSurvey from '../293-satisfaction-survey.rule.ts';
import satisfactionStatistics from '../294-satisfaction-statistics.rule.ts';
import upcomingEvents from '../295-upcoming-events.rule.ts';
import news from '../296-news.rule.ts';

/** LOSI 2024 CP rules, by code. One list per criterion so each can grow on its own. */
export const CP_RULES: readonly Rule[] = [
  otherLanguage,
  aboutCity,
  emergencyAlerts,
  procurement,
  procurementResults,
  serviceCatalogue,
  partnerships,
  health,
  environment,
  education,
  socialWelfare,
  cultureSport,
  vulnerableGroups,
  justice,
  labour,
  smartCity,
  emergingTechnologies,
  sdgData,
  publicTransport,
  mobileApps,
  wasteRecycling,
  roadMatters,
  usageStatistics,
  emergency,
  airQualityPolicy,
  airQualityData,
  satisfactionSurvey,
  satisfactionStatistics,
  upcomingEvents,
  news,
];

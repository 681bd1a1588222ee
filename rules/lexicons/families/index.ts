import type { ConceptFamily } from '../types.ts';
import { authentication } from './authentication.ts';
import { cityInfrastructure } from './city-infrastructure.ts';
import { cityInnovation } from './city-innovation.ts';
import { cityLife } from './city-life.ts';
import { cityPortalMetrics } from './city-portal-metrics.ts';
import { cityProcurementServices } from './city-procurement-services.ts';
import { cityRightsWork } from './city-rights-work.ts';
import { citySafety } from './city-safety.ts';
import { cityWelfare } from './city-welfare.ts';
import { datasetMetadata } from './dataset-metadata.ts';
import { digitalInclusion } from './digital-inclusion.ts';
import { institutionalFramework } from './institutional-framework.ts';
import { institutionalStructure } from './institutional-structure.ts';
import { osiContent } from './osi-content.ts';
import { osiInstitutions } from './osi-institutions.ts';
import { osiOpenData } from './osi-open-data.ts';
import { osiServices } from './osi-services.ts';
import { pageRoles } from './page-roles.ts';
import { participation } from './participation.ts';
import { participationDecisions } from './participation-decisions.ts';
import { payments } from './payments.ts';
import { procurementNotices } from './procurement-notices.ts';
import { searchRefinement } from './search-refinement.ts';
import { serviceActions } from './service-actions.ts';
import { servicesCivil } from './services-civil.ts';
import { servicesEconomy } from './services-economy.ts';
import { servicesPermits } from './services-permits.ts';
import { userSupport } from './user-support.ts';

/**
 * Concept families, one file per indicator family (services, participation, city content…), each with
 * terms in every lexicon language. Explicit list: a lexicon is data the results depend on.
 */
export const FAMILIES: readonly ConceptFamily[] = [
  digitalInclusion,
  userSupport,
  authentication,
  searchRefinement,
  datasetMetadata,
  osiInstitutions,
  osiContent,
  osiOpenData,
  osiServices,
  servicesCivil,
  servicesPermits,
  servicesEconomy,
  payments,
  serviceActions,
  participation,
  participationDecisions,
  institutionalStructure,
  institutionalFramework,
  cityLife,
  cityWelfare,
  cityRightsWork,
  cityInfrastructure,
  cityProcurementServices,
  cityInnovation,
  cityPortalMetrics,
  citySafety,
  pageRoles,
  procurementNotices,
];

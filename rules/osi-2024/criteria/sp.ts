import type { Rule } from '../../../src/core/index.ts';
import r232Justice from '../../losi-2024/232-justice.rule.ts';
import r253PoliceDeclaration from '../../losi-2024/253-police-declaration.rule.ts';
import r254DrivingLicence from '../../losi-2024/254-driving-licence.rule.ts';
import r255BuildingPermit from '../../losi-2024/255-building-permit.rule.ts';
import r256EnvironmentalPermit from '../../losi-2024/256-environmental-permit.rule.ts';
import r257BusinessLicence from '../../losi-2024/257-business-licence.rule.ts';
import r258ResidencePermit from '../../losi-2024/258-residence-permit.rule.ts';
import r262AddressChange from '../../losi-2024/262-address-change.rule.ts';
import r263LandTitleRegistration from '../../losi-2024/263-land-title-registration.rule.ts';
import r264VehicleRegistration from '../../losi-2024/264-vehicle-registration.rule.ts';
import r265EProcurement from '../../losi-2024/265-e-procurement.rule.ts';
import r266JobApplication from '../../losi-2024/266-job-application.rule.ts';
import r268TaxFiling from '../../losi-2024/268-tax-filing.rule.ts';
import r044Vat from '../044-vat.rule.ts';
import r045Visa from '../045-visa.rule.ts';
import r049CompanyRegistration from '../049-company-registration.rule.ts';
import r050CivilCertificates from '../050-civil-certificates.rule.ts';
import r053IdCard from '../053-id-card.rule.ts';
import r062UtilityPayments from '../062-utility-payments.rule.ts';
import r079EInvoicing from '../079-e-invoicing.rule.ts';
import r080GisServices from '../080-gis-services.rule.ts';
import r082BusinessTax from '../082-business-tax.rule.ts';
import r095SectorOnlineServices from '../095-sector-online-services.rule.ts';
import r095aSectorMobileServices from '../095a-sector-mobile-services.rule.ts';
import r095bSectorSmsAlerts from '../095b-sector-sms-alerts.rule.ts';
import r118ScholarshipApplication from '../118-scholarship-application.rule.ts';
import r131bRetirementPension from '../131b-retirement-pension.rule.ts';
import r143VulnerableGroupsServices from '../143-vulnerable-groups-services.rule.ts';
import r182CriminalRecordCertificate from '../182-criminal-record-certificate.rule.ts';
import r184SocialBenefits from '../184-social-benefits.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 Services Provision (SP) items, in the order of the questionnaire module. */
export const SP_RULES: readonly Rule[] = [
  deriveRule(r265EProcurement, {
    id: 'osi-2024/029-e-procurement',
    code: '029',
    criterion: 'SP',
    title: 'E-procurement platform',
    definition: 'The government provides an e-procurement platform where suppliers submit bids online.',
  }),
  deriveRule(r268TaxFiling, {
    id: 'osi-2024/043-income-tax',
    code: '043',
    criterion: 'SP',
    title: 'Income tax filing',
    definition: 'Residents can file their personal income tax online on a government portal.',
  }),
  r044Vat,
  r045Visa,
  deriveRule(r264VehicleRegistration, {
    id: 'osi-2024/046-vehicle-registration',
    code: '046',
    criterion: 'SP',
    title: 'Vehicle registration',
    definition: 'Vehicle owners can register or renew the registration of a vehicle online.',
  }),
  deriveRule(r253PoliceDeclaration, {
    id: 'osi-2024/047-police-declaration',
    code: '047',
    criterion: 'SP',
    title: 'Online police declaration',
    definition: 'Users can make a declaration to the police online (for example a theft).',
  }),
  deriveRule(r262AddressChange, {
    id: 'osi-2024/048-address-change',
    code: '048',
    criterion: 'SP',
    title: 'Address change notification',
    definition: 'People can notify the government of a change of address online.',
  }),
  r049CompanyRegistration,
  r050CivilCertificates,
  r053IdCard,
  deriveRule(r254DrivingLicence, {
    id: 'osi-2024/054-driving-licence',
    code: '054',
    criterion: 'SP',
    title: "Driver's licence",
    definition: "People can apply for or renew a driver's licence online.",
  }),
  deriveRule(r263LandTitleRegistration, {
    id: 'osi-2024/055-land-title',
    code: '055',
    criterion: 'SP',
    title: 'Land title registration',
    definition: 'Owners can register land titles or obtain property registry records online.',
  }),
  deriveRule(r256EnvironmentalPermit, {
    id: 'osi-2024/056-environmental-permit',
    code: '056',
    criterion: 'SP',
    title: 'Environment-related permit',
    definition: 'People and businesses can apply for environment-related permits online.',
  }),
  deriveRule(r255BuildingPermit, {
    id: 'osi-2024/057-building-permit',
    code: '057',
    criterion: 'SP',
    title: 'Building permit',
    definition: 'People can apply for a building permit online.',
  }),
  deriveRule(r266JobApplication, {
    id: 'osi-2024/058-government-vacancies',
    code: '058',
    criterion: 'SP',
    title: 'Applying for government vacancies',
    definition: 'People can apply online for government job vacancies.',
  }),
  deriveRule(r257BusinessLicence, {
    id: 'osi-2024/059-business-licence',
    code: '059',
    criterion: 'SP',
    title: 'Business licence',
    definition: 'Businesses can apply for a business licence or operating permit online.',
  }),
  r062UtilityPayments,
  r079EInvoicing,
  r080GisServices,
  r082BusinessTax,
  r131bRetirementPension,
  r095SectorOnlineServices,
  r095aSectorMobileServices,
  r095bSectorSmsAlerts,
  r118ScholarshipApplication,
  r143VulnerableGroupsServices,
  deriveRule(r258ResidencePermit, {
    id: 'osi-2024/149-citizenship-residency',
    code: '149',
    criterion: 'SP',
    title: 'Citizenship or residency application',
    definition: 'People can apply online for residency or citizenship.',
  }),
  r182CriminalRecordCertificate,
  deriveRule(r232Justice, {
    id: 'osi-2024/183-access-to-justice',
    code: '183',
    criterion: 'SP',
    title: 'Access to justice information',
    definition: 'The portal informs people about access to justice (courts, legal aid, appeals, mediation).',
  }),
  r184SocialBenefits,
];

import type { Detector } from '../../src/core/index.ts';
import aboutCity from './about-city.ts';
import accessOwnData from './access-own-data.ts';
import accessToInformation from './access-to-information.ts';
import addressChange from './address-change.ts';
import advancedSearch from './advanced-search.ts';
import affordableHousing from './affordable-housing.ts';
import agencyLinks from './agency-links.ts';
import aiChatbot from './ai-chatbot.ts';
import aiStrategy from './ai-strategy.ts';
import airQualityData from './air-quality-data.ts';
import airQualityPolicy from './air-quality-policy.ts';
import assistedDigitalAccess from './assisted-digital-access.ts';
import birthCertificate from './birth-certificate.ts';
import browserCompatibility from './browser-compatibility.ts';
import budgetInformation from './budget-information.ts';
import buildingPermit from './building-permit.ts';
import businessLicence from './business-licence.ts';
import businessTax from './business-tax.ts';
import civilCertificates from './civil-certificates.ts';
import cloudStrategy from './cloud-strategy.ts';
import companyRegistration from './company-registration.ts';
import complaintFeedback from './complaint-feedback.ts';
import consultationOutcome from './consultation-outcome.ts';
import contactDetails from './contact-details.ts';
import corruptionReporting from './corruption-reporting.ts';
import councilMeetings from './council-meetings.ts';
import criminalRecordCertificate from './criminal-record-certificate.ts';
import cssValidity from './css-validity.ts';
import cultureSport from './culture-sport.ts';
import cybersecurityLegislation from './cybersecurity-legislation.ts';
import dataProtectionLaw from './data-protection-law.ts';
import datasetRequests from './dataset-requests.ts';
import deathCertificate from './death-certificate.ts';
import departmentHeads from './department-heads.ts';
import digitalGovernmentStrategy from './digital-government-strategy.ts';
import drivingLicence from './driving-licence.ts';
import eInvoicing from './e-invoicing.ts';
import eParticipationPolicy from './e-participation-policy.ts';
import eParticipationPortal from './e-participation-portal.ts';
import ePetition from './e-petition.ts';
import eProcurement from './e-procurement.ts';
import eServiceCoCreation from './e-service-co-creation.ts';
import eVoting from './e-voting.ts';
import education from './education.ts';
import emergency from './emergency.ts';
import emergencyAlerts from './emergency-alerts.ts';
import emergingTechnologies from './emerging-technologies.ts';
import energyBillPayment from './energy-bill-payment.ts';
import environment from './environment.ts';
import environmentalPermit from './environmental-permit.ts';
import expenditureDatasets from './expenditure-datasets.ts';
import favouriteServices from './favourite-services.ts';
import finePayment from './fine-payment.ts';
import freeInternetAccess from './free-internet-access.ts';
import gisServices from './gis-services.ts';
import health from './health.ts';
import helpFaq from './help-faq.ts';
import helpdeskPhone from './helpdesk-phone.ts';
import homelessServices from './homeless-services.ts';
import https from './https.ts';
import idCard from './id-card.ts';
import incidentReporting from './incident-reporting.ts';
import jobApplication from './job-application.ts';
import justice from './justice.ts';
import labour from './labour.ts';
import labourViolationReporting from './labour-violation-reporting.ts';
import landTitleRegistration from './land-title-registration.ts';
import linksToSubnationalGovernment from './links-to-subnational-government.ts';
import liveChat from './live-chat.ts';
import login from './login.ts';
import longTermCare from './long-term-care.ts';
import lostAndFound from './lost-and-found.ts';
import markupValidity from './markup-validity.ts';
import marriageCertificate from './marriage-certificate.ts';
import masterPlanParticipation from './master-plan-participation.ts';
import misinformationLegislation from './misinformation-legislation.ts';
import mobileApps from './mobile-apps.ts';
import mobileFriendliness from './mobile-friendliness.ts';
import modifyOwnData from './modify-own-data.ts';
import nationalCio from './national-cio.ts';
import news from './news.ts';
import officialPortal from './official-portal.ts';
import onlinePayment from './online-payment.ts';
import onlineServiceGuidance from './online-service-guidance.ts';
import openData from './open-data.ts';
import openDataEvents from './open-data-events.ts';
import openDataGuidance from './open-data-guidance.ts';
import openDataLicence from './open-data-licence.ts';
import openDataMetadata from './open-data-metadata.ts';
import openDataPolicy from './open-data-policy.ts';
import opinionTools from './opinion-tools.ts';
import orgChart from './org-chart.ts';
import otherLanguage from './other-language.ts';
import participationCalendar from './participation-calendar.ts';
import participatoryBudget from './participatory-budget.ts';
import partnerships from './partnerships.ts';
import policeDeclaration from './police-declaration.ts';
import privacyPolicy from './privacy-policy.ts';
import procurement from './procurement.ts';
import procurementResults from './procurement-results.ts';
import publicTransport from './public-transport.ts';
import realTimeOpenData from './real-time-open-data.ts';
import replyWithinThreeDays from './reply-within-three-days.ts';
import reportDiscrimination from './report-discrimination.ts';
import residencePermit from './residence-permit.ts';
import retirementPension from './retirement-pension.ts';
import roadMatters from './road-matters.ts';
import ruralOnlineServices from './rural-online-services.ts';
import satisfactionStatistics from './satisfaction-statistics.ts';
import satisfactionSurvey from './satisfaction-survey.ts';
import saveAndResume from './save-and-resume.ts';
import scholarshipApplication from './scholarship-application.ts';
import scholarshipsInformation from './scholarships-information.ts';
import sdgData from './sdg-data.ts';
import search from './search.ts';
import searchEngineRanking from './search-engine-ranking.ts';
import sectorBudgetDatasets from './sector-budget-datasets.ts';
import sectorConsultations from './sector-consultations.ts';
import sectorExpenditure from './sector-expenditure.ts';
import sectorMinistryLinks from './sector-ministry-links.ts';
import sectorMobileServices from './sector-mobile-services.ts';
import sectorOnlineServices from './sector-online-services.ts';
import sectorOpenDatasets from './sector-open-datasets.ts';
import sectorPolicies from './sector-policies.ts';
import sectorSmsAlerts from './sector-sms-alerts.ts';
import serviceCatalogue from './service-catalogue.ts';
import sitemap from './sitemap.ts';
import smartCity from './smart-city.ts';
import socialBenefits from './social-benefits.ts';
import socialNetworking from './social-networking.ts';
import socialWelfare from './social-welfare.ts';
import taxFiling from './tax-filing.ts';
import transactionHistory from './transaction-history.ts';
import upcomingEvents from './upcoming-events.ts';
import updatedPastMonth from './updated-past-month.ts';
import usageStatistics from './usage-statistics.ts';
import usefulAnswer from './useful-answer.ts';
import utilityPayments from './utility-payments.ts';
import vat from './vat.ts';
import vehicleRegistration from './vehicle-registration.ts';
import visa from './visa.ts';
import voicesInDecisions from './voices-in-decisions.ts';
import vulnerableGroups from './vulnerable-groups.ts';
import vulnerableGroupsConsultations from './vulnerable-groups-consultations.ts';
import vulnerableGroupsDecisions from './vulnerable-groups-decisions.ts';
import vulnerableGroupsServices from './vulnerable-groups-services.ts';
import wasteRecycling from './waste-recycling.ts';
import waterBillPayment from './water-bill-payment.ts';
import wcag from './wcag.ts';
import workersCompensation from './workers-compensation.ts';
import youthEmployment from './youth-employment.ts';

/**
 * Every detector, by the feature it finds (its file stem). Explicit, not globbed: an edition's rows
 * name these. Written by `npm run new:detector`; the layout test checks it lists every file.
 */
export const DETECTORS: Readonly<Record<string, Detector>> = {
  'about-city': aboutCity,
  'access-own-data': accessOwnData,
  'access-to-information': accessToInformation,
  'address-change': addressChange,
  'advanced-search': advancedSearch,
  'affordable-housing': affordableHousing,
  'agency-links': agencyLinks,
  'ai-chatbot': aiChatbot,
  'ai-strategy': aiStrategy,
  'air-quality-data': airQualityData,
  'air-quality-policy': airQualityPolicy,
  'assisted-digital-access': assistedDigitalAccess,
  'birth-certificate': birthCertificate,
  'browser-compatibility': browserCompatibility,
  'budget-information': budgetInformation,
  'building-permit': buildingPermit,
  'business-licence': businessLicence,
  'business-tax': businessTax,
  'civil-certificates': civilCertificates,
  'cloud-strategy': cloudStrategy,
  'company-registration': companyRegistration,
  'complaint-feedback': complaintFeedback,
  'consultation-outcome': consultationOutcome,
  'contact-details': contactDetails,
  'corruption-reporting': corruptionReporting,
  'council-meetings': councilMeetings,
  'criminal-record-certificate': criminalRecordCertificate,
  'css-validity': cssValidity,
  'culture-sport': cultureSport,
  'cybersecurity-legislation': cybersecurityLegislation,
  'data-protection-law': dataProtectionLaw,
  'dataset-requests': datasetRequests,
  'death-certificate': deathCertificate,
  'department-heads': departmentHeads,
  'digital-government-strategy': digitalGovernmentStrategy,
  'driving-licence': drivingLicence,
  'e-invoicing': eInvoicing,
  'e-participation-policy': eParticipationPolicy,
  'e-participation-portal': eParticipationPortal,
  'e-petition': ePetition,
  'e-procurement': eProcurement,
  'e-service-co-creation': eServiceCoCreation,
  'e-voting': eVoting,
  education: education,
  emergency: emergency,
  'emergency-alerts': emergencyAlerts,
  'emerging-technologies': emergingTechnologies,
  'energy-bill-payment': energyBillPayment,
  environment: environment,
  'environmental-permit': environmentalPermit,
  'expenditure-datasets': expenditureDatasets,
  'favourite-services': favouriteServices,
  'fine-payment': finePayment,
  'free-internet-access': freeInternetAccess,
  'gis-services': gisServices,
  health: health,
  'help-faq': helpFaq,
  'helpdesk-phone': helpdeskPhone,
  'homeless-services': homelessServices,
  https: https,
  'id-card': idCard,
  'incident-reporting': incidentReporting,
  'job-application': jobApplication,
  justice: justice,
  labour: labour,
  'labour-violation-reporting': labourViolationReporting,
  'land-title-registration': landTitleRegistration,
  'links-to-subnational-government': linksToSubnationalGovernment,
  'live-chat': liveChat,
  login: login,
  'long-term-care': longTermCare,
  'lost-and-found': lostAndFound,
  'markup-validity': markupValidity,
  'marriage-certificate': marriageCertificate,
  'master-plan-participation': masterPlanParticipation,
  'misinformation-legislation': misinformationLegislation,
  'mobile-apps': mobileApps,
  'mobile-friendliness': mobileFriendliness,
  'modify-own-data': modifyOwnData,
  'national-cio': nationalCio,
  news: news,
  'official-portal': officialPortal,
  'online-payment': onlinePayment,
  'online-service-guidance': onlineServiceGuidance,
  'open-data': openData,
  'open-data-events': openDataEvents,
  'open-data-guidance': openDataGuidance,
  'open-data-licence': openDataLicence,
  'open-data-metadata': openDataMetadata,
  'open-data-policy': openDataPolicy,
  'opinion-tools': opinionTools,
  'org-chart': orgChart,
  'other-language': otherLanguage,
  'participation-calendar': participationCalendar,
  'participatory-budget': participatoryBudget,
  partnerships: partnerships,
  'police-declaration': policeDeclaration,
  'privacy-policy': privacyPolicy,
  procurement: procurement,
  'procurement-results': procurementResults,
  'public-transport': publicTransport,
  'real-time-open-data': realTimeOpenData,
  'reply-within-three-days': replyWithinThreeDays,
  'report-discrimination': reportDiscrimination,
  'residence-permit': residencePermit,
  'retirement-pension': retirementPension,
  'road-matters': roadMatters,
  'rural-online-services': ruralOnlineServices,
  'satisfaction-statistics': satisfactionStatistics,
  'satisfaction-survey': satisfactionSurvey,
  'save-and-resume': saveAndResume,
  'scholarship-application': scholarshipApplication,
  'scholarships-information': scholarshipsInformation,
  'sdg-data': sdgData,
  search: search,
  'search-engine-ranking': searchEngineRanking,
  'sector-budget-datasets': sectorBudgetDatasets,
  'sector-consultations': sectorConsultations,
  'sector-expenditure': sectorExpenditure,
  'sector-ministry-links': sectorMinistryLinks,
  'sector-mobile-services': sectorMobileServices,
  'sector-online-services': sectorOnlineServices,
  'sector-open-datasets': sectorOpenDatasets,
  'sector-policies': sectorPolicies,
  'sector-sms-alerts': sectorSmsAlerts,
  'service-catalogue': serviceCatalogue,
  sitemap: sitemap,
  'smart-city': smartCity,
  'social-benefits': socialBenefits,
  'social-networking': socialNetworking,
  'social-welfare': socialWelfare,
  'tax-filing': taxFiling,
  'transaction-history': transactionHistory,
  'upcoming-events': upcomingEvents,
  'updated-past-month': updatedPastMonth,
  'usage-statistics': usageStatistics,
  'useful-answer': usefulAnswer,
  'utility-payments': utilityPayments,
  vat: vat,
  'vehicle-registration': vehicleRegistration,
  visa: visa,
  'voices-in-decisions': voicesInDecisions,
  'vulnerable-groups': vulnerableGroups,
  'vulnerable-groups-consultations': vulnerableGroupsConsultations,
  'vulnerable-groups-decisions': vulnerableGroupsDecisions,
  'vulnerable-groups-services': vulnerableGroupsServices,
  'waste-recycling': wasteRecycling,
  'water-bill-payment': waterBillPayment,
  wcag: wcag,
  'workers-compensation': workersCompensation,
  'youth-employment': youthEmployment,
};

import type { Rule } from '../../../src/core/index.ts';
import policeDeclaration from '../253-police-declaration.rule.ts';
import drivingLicence from '../254-driving-licence.rule.ts';
import buildingPermit from '../255-building-permit.rule.ts';
import environmentalPermit from '../256-environmental-permit.rule.ts';
import businessLicence from '../257-business-licence.rule.ts';
import residencePermit from '../258-residence-permit.rule.ts';
import birthCertificate from '../259-birth-certificate.rule.ts';
import deathCertificate from '../260-death-certificate.rule.ts';
import marriageCertificate from '../261-marriage-certificate.rule.ts';
import addressChange from '../262-address-change.rule.ts';
import landTitleRegistration from '../263-land-title-registration.rule.ts';
import vehicleRegistration from '../264-vehicle-registration.rule.ts';
import eProcurement from '../265-e-procurement.rule.ts';
import jobApplication from '../266-job-application.rule.ts';
import taxFiling from '../268-tax-filing.rule.ts';
import onlinePayment from '../269a-online-payment.rule.ts';
import finePayment from '../269b-fine-payment.rule.ts';
import waterBillPayment from '../286-water-bill-payment.rule.ts';
import energyBillPayment from '../287-energy-bill-payment.rule.ts';
import homelessServices from '../297-homeless-services.rule.ts';
import lostAndFound from '../298-lost-and-found.rule.ts';
import affordableHousing from '../299-affordable-housing.rule.ts';

/** LOSI 2024 SP rules, by code. One list per criterion so each can grow on its own. */
export const SP_RULES: readonly Rule[] = [
  policeDeclaration,
  drivingLicence,
  buildingPermit,
  environmentalPermit,
  businessLicence,
  residencePermit,
  birthCertificate,
  deathCertificate,
  marriageCertificate,
  addressChange,
  landTitleRegistration,
  vehicleRegistration,
  eProcurement,
  jobApplication,
  taxFiling,
  onlinePayment,
  finePayment,
  waterBillPayment,
  energyBillPayment,
  homelessServices,
  lostAndFound,
  affordableHousing,
];

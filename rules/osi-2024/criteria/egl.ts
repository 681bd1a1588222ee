import type { Rule } from '../../../src/core/index.ts';
import r206Search from '../../losi-2024/206-search.rule.ts';
import r225aFreeInternetAccess from '../../losi-2024/225a-free-internet-access.rule.ts';
import r225bAssistedDigitalAccess from '../../losi-2024/225b-assisted-digital-access.rule.ts';
import r234PrivacyPolicy from '../../losi-2024/234-privacy-policy.rule.ts';
import r237OpenDataMetadata from '../../losi-2024/237-open-data-metadata.rule.ts';
import r240HelpFaq from '../../losi-2024/240-help-faq.rule.ts';
import r241OnlineServiceGuidance from '../../losi-2024/241-online-service-guidance.rule.ts';
import r245Login from '../../losi-2024/245-login.rule.ts';
import r270aLiveChat from '../../losi-2024/270a-live-chat.rule.ts';
import r273SocialNetworking from '../../losi-2024/273-social-networking.rule.ts';
import r039OpenDataGuidance from '../039-open-data-guidance.rule.ts';
import r086FavouriteServices from '../086-favourite-services.rule.ts';
import r317EServiceCoCreation from '../317-e-service-co-creation.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 E-Government Literacy (EGL) items, in the order of the questionnaire module. */
export const EGL_RULES: readonly Rule[] = [
  deriveRule(r206Search, {
    id: 'osi-2024/003-search',
    code: '003',
    criterion: 'EGL',
    title: 'Search feature',
    definition: 'A search bar on the main page of the portal, verified with a one-word search.',
  }),
  deriveRule(r240HelpFaq, {
    id: 'osi-2024/006-help-faq',
    code: '006',
    criterion: 'EGL',
    title: 'Help feature / FAQ',
    definition: 'The portal has a help feature or a frequently asked questions section.',
  }),
  deriveRule(r273SocialNetworking, {
    id: 'osi-2024/007-social-networking',
    code: '007',
    criterion: 'EGL',
    title: 'Social networking features',
    definition:
      'The portal provides social networking features (links to its accounts on Facebook, X, YouTube and others).',
  }),
  deriveRule(r270aLiveChat, {
    id: 'osi-2024/009-live-chat',
    code: '009',
    criterion: 'EGL',
    title: 'Live chat support with a person',
    definition: 'Real-time chat with government staff (web chat, click-to-chat, WhatsApp, text messaging).',
  }),
  deriveRule(r234PrivacyPolicy, {
    id: 'osi-2024/014-privacy-policy',
    code: '014',
    criterion: 'EGL',
    title: 'Privacy policy',
    definition:
      'A statement, usually in the footer, of how the portal collects, processes, stores and protects personal information (listed under both IF and EGL).',
  }),
  deriveRule(r241OnlineServiceGuidance, {
    id: 'osi-2024/016-online-services-guidance',
    code: '016',
    criterion: 'EGL',
    title: 'Information on online services use',
    definition: 'Guidance, manuals or tutorials that help people understand and use online services.',
  }),
  deriveRule(r245Login, {
    id: 'osi-2024/017-digital-id',
    code: '017',
    criterion: 'EGL',
    title: 'Digital ID to access online services',
    definition: 'People sign in to online services with a digital identity (e-ID) or secure account login.',
  }),
  deriveRule(r225aFreeInternetAccess, {
    id: 'osi-2024/036a-free-internet-access',
    code: '036a',
    criterion: 'EGL',
    title: 'Facilitation of free Internet access',
    definition:
      'Evidence that the government provides free Internet access (free Wi-Fi in public areas, agreements with mobile operators).',
  }),
  deriveRule(r225bAssistedDigitalAccess, {
    id: 'osi-2024/036b-assisted-access-points',
    code: '036b',
    criterion: 'EGL',
    title: 'Physical spaces to access online services',
    definition:
      'Information on physical places (community centres, post offices, libraries) where people get help to use online services.',
  }),
  deriveRule(r237OpenDataMetadata, {
    id: 'osi-2024/038-open-data-metadata',
    code: '038',
    criterion: 'EGL',
    title: 'Open data metadata',
    definition: 'Each open dataset comes with metadata: description, date, author and other information.',
  }),
  r039OpenDataGuidance,
  r317EServiceCoCreation,
  r086FavouriteServices,
];

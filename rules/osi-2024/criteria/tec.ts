import type { Rule } from '../../../src/core/index.ts';
import r202SearchEngineRanking from '../../losi-2024/202-search-engine-ranking.rule.ts';
import r204MobileFriendliness from '../../losi-2024/204-mobile-friendliness.rule.ts';
import r205Sitemap from '../../losi-2024/205-sitemap.rule.ts';
import r207AdvancedSearch from '../../losi-2024/207-advanced-search.rule.ts';
import r208MarkupValidity from '../../losi-2024/208-markup-validity.rule.ts';
import r209CssValidity from '../../losi-2024/209-css-validity.rule.ts';
import r214ContactDetails from '../../losi-2024/214-contact-details.rule.ts';
import r246AccessOwnData from '../../losi-2024/246-access-own-data.rule.ts';
import r247ModifyOwnData from '../../losi-2024/247-modify-own-data.rule.ts';
import r270bAiChatbot from '../../losi-2024/270b-ai-chatbot.rule.ts';
import r072UpdatedPastMonth from '../072-updated-past-month.rule.ts';
import r074Https from '../074-https.rule.ts';
import r083SaveAndResume from '../083-save-and-resume.rule.ts';
import r087TransactionHistory from '../087-transaction-history.rule.ts';
import { deriveRule } from '../derive.ts';

/** OSI 2024 Technology (TEC) items, in the order of the questionnaire module. */
export const TEC_RULES: readonly Rule[] = [
  deriveRule(r202SearchEngineRanking, {
    id: 'osi-2024/002-ease-of-finding',
    code: '002',
    criterion: 'TEC',
    title: 'Government portal ease of finding',
    definition:
      'The national portal appears on the first results page of the three most used search engines in the country.',
  }),
  deriveRule(r207AdvancedSearch, {
    id: 'osi-2024/004-advanced-search',
    code: '004',
    criterion: 'TEC',
    title: 'Advanced search options',
    definition:
      'The search offers advanced options: exact text, excluded words, date ranges, language, or refining the results.',
  }),
  deriveRule(r205Sitemap, {
    id: 'osi-2024/005-sitemap',
    code: '005',
    criterion: 'TEC',
    title: 'Sitemap/Index',
    definition: 'The portal has a site map or index page listing its pages for users.',
  }),
  deriveRule(r214ContactDetails, {
    id: 'osi-2024/008-contact-details',
    code: '008',
    criterion: 'TEC',
    title: 'Contact details',
    definition:
      'The portal gives contact details: phone numbers, e-mail addresses, physical addresses or an online form.',
  }),
  deriveRule(r204MobileFriendliness, {
    id: 'osi-2024/071-responsive-design',
    code: '071',
    criterion: 'TEC',
    title: 'Responsive web design',
    definition: 'The portal displays and works well on mobile devices (responsive design or a mobile app).',
  }),
  r072UpdatedPastMonth,
  r074Https,
  deriveRule(r209CssValidity, {
    id: 'osi-2024/195-css-validity',
    code: '195',
    criterion: 'TEC',
    title: 'W3C CSS validity',
    definition: "The portal's style sheets pass the W3C CSS validator (errors count as not met).",
  }),
  deriveRule(r208MarkupValidity, {
    id: 'osi-2024/196-markup-validity',
    code: '196',
    criterion: 'TEC',
    title: 'W3C markup validity',
    definition:
      "The portal's home page passes the W3C markup validator (errors or a time-out count as not met).",
  }),
  deriveRule(r270bAiChatbot, {
    id: 'osi-2024/09a-ai-chatbot',
    code: '09a',
    criterion: 'TEC',
    title: 'AI-enabled chatbot',
    definition: 'An AI-enabled chatbot or generative-AI assistant is available on a government portal.',
  }),
  deriveRule(r246AccessOwnData, {
    id: 'osi-2024/022-access-own-data',
    code: '022',
    criterion: 'TEC',
    title: 'Access to own data',
    definition:
      'Citizens and businesses can access the data the government holds about them, usually after signing in with a digital ID (#022, #024).',
  }),
  deriveRule(r247ModifyOwnData, {
    id: 'osi-2024/023-modify-own-data',
    code: '023',
    criterion: 'TEC',
    title: 'Modify own data',
    definition:
      'Citizens and businesses can modify part of the data the government holds about them (#023, #025).',
  }),
  r083SaveAndResume,
  r087TransactionHistory,
];

import type { Rule } from '../../../src/core/index.ts';
import browsers from '../201-browser-compatibility.rule.ts';
import searchEngines from '../202-search-engine-ranking.rule.ts';
import mobile from '../204-mobile-friendliness.rule.ts';
import sitemap from '../205-sitemap.rule.ts';
import advancedSearch from '../207-advanced-search.rule.ts';
import markup from '../208-markup-validity.rule.ts';
import css from '../209-css-validity.rule.ts';
import wcag from '../210-wcag.rule.ts';
import contact from '../214-contact-details.rule.ts';
import ownData from '../246-access-own-data.rule.ts';
import modifyData from '../247-modify-own-data.rule.ts';
import helpdesk from '../288-helpdesk-phone.rule.ts';

/** LOSI 2024 TEC rules, by code. One list per criterion so each can grow on its own. */
export const TEC_RULES: readonly Rule[] = [
  browsers,
  searchEngines,
  mobile,
  sitemap,
  advancedSearch,
  markup,
  css,
  wcag,
  contact,
  ownData,
  modifyData,
  helpdesk,
];

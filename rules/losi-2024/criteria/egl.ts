import type { Rule } from '../../../src/core/index.ts';
import search from '../206-search.rule.ts';
import freeInternet from '../225a-free-internet-access.rule.ts';
import assistedAccess from '../225b-assisted-digital-access.rule.ts';
import privacy from '../234-privacy-policy.rule.ts';
import openDataMetadata from '../237-open-data-metadata.rule.ts';
import helpFaq from '../240-help-faq.rule.ts';
import serviceGuidance from '../241-online-service-guidance.rule.ts';
import login from '../245-login.rule.ts';
import liveChat from '../270a-live-chat.rule.ts';
import social from '../273-social-networking.rule.ts';

/** LOSI 2024 EGL rules, by code. One list per criterion so each can grow on its own. */
export const EGL_RULES: readonly Rule[] = [
  search,
  freeInternet,
  assistedAccess,
  privacy,
  openDataMetadata,
  helpFaq,
  serviceGuidance,
  login,
  liveChat,
  social,
];

import type { Rule } from '../../../src/core/index.ts';
import search from '../206-search.rule.ts';
import privacy from '../234-privacy-policy.rule.ts';
import helpFaq from '../240-help-faq.rule.ts';
import social from '../273-social-networking.rule.ts';

/** LOSI 2024 EGL rules, by code. One list per criterion so each can grow on its own. */
export const EGL_RULES: readonly Rule[] = [search, privacy, helpFaq, social];

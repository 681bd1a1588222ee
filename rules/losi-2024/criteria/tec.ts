import type { Rule } from '../../../src/core/index.ts';
import mobile from '../204-mobile-friendliness.rule.ts';
import sitemap from '../205-sitemap.rule.ts';
import markup from '../208-markup-validity.rule.ts';
import wcag from '../210-wcag.rule.ts';
import contact from '../214-contact-details.rule.ts';

/** LOSI 2024 TEC rules, by code. One list per criterion so each can grow on its own. */
export const TEC_RULES: readonly Rule[] = [mobile, sitemap, markup, wcag, contact];

import type { Rule } from '../../../src/core/index.ts';
import otherLanguage from '../212-other-language.rule.ts';

/** LOSI 2024 CP rules, by code. One list per criterion so each can grow on its own. */
export const CP_RULES: readonly Rule[] = [otherLanguage];

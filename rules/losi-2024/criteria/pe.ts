import type { Rule } from '../../../src/core/index.ts';
import openData from '../236-open-data.rule.ts';

/** LOSI 2024 PE rules, by code. One list per criterion so each can grow on its own. */
export const PE_RULES: readonly Rule[] = [openData];

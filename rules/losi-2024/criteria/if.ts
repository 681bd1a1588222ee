import type { Rule } from '../../../src/core/index.ts';

/** LOSI 2024 IF rules, by code. One list per criterion so each can grow on its own. */
export const IF_RULES: readonly Rule[] = [];

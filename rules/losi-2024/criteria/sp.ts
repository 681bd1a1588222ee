import type { Rule } from '../../../src/core/index.ts';

/** LOSI 2024 SP rules, by code. One list per criterion so each can grow on its own. */
export const SP_RULES: readonly Rule[] = [];

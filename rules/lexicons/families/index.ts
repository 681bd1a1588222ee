import type { ConceptFamily } from '../types.ts';

/**
 * Concept families, one file per indicator family (services, participation, city content…), each with
 * terms in every lexicon language. Explicit list: a lexicon is data the results depend on.
 */
export const FAMILIES: readonly ConceptFamily[] = [];

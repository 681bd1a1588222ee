import type { ConceptFamily } from '../types.ts';
import { authentication } from './authentication.ts';
import { datasetMetadata } from './dataset-metadata.ts';
import { digitalInclusion } from './digital-inclusion.ts';
import { searchRefinement } from './search-refinement.ts';
import { userSupport } from './user-support.ts';

/**
 * Concept families, one file per indicator family (services, participation, city content…), each with
 * terms in every lexicon language. Explicit list: a lexicon is data the results depend on.
 */
export const FAMILIES: readonly ConceptFamily[] = [
  digitalInclusion,
  userSupport,
  authentication,
  searchRefinement,
  datasetMetadata,
];

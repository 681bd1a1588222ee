import { foldText } from '../../src/core/index.ts';
import { ConceptScreen } from './concept-screen.ts';
import { type Concept, type ConceptMatch, conceptMatcher } from './index.ts';

/**
 * A text folded once (foldText), screened once for the concepts it may match (ConceptScreen),
 * with the first match of each concept asked about remembered: rules that look for concepts in the
 * same page text, heading or link text share that work, with the answers findFolded would give.
 */
export class FoldedText {
  readonly folded: string;
  #screen: ConceptScreen | null | undefined;
  readonly #firstMatches = new Map<Concept, ConceptMatch | null>();

  constructor(folded: string) {
    this.folded = folded;
  }

  static of(text: string): FoldedText {
    return new FoldedText(foldText(text));
  }

  /** The concepts the text may match (null: not screenable). */
  get screen(): ConceptScreen | null {
    if (this.#screen === undefined) this.#screen = ConceptScreen.of(this.folded);
    return this.#screen;
  }

  /** False when the concept surely does not match (none of its terms has all its words in the text). */
  mayMatch(concept: Concept): boolean {
    const screen = this.screen;
    return screen === null || screen.mayMatch(concept);
  }

  /** conceptMatcher(concept).findFolded(folded), computed once per concept. Do not mutate the match. */
  find(concept: Concept): ConceptMatch | null {
    // Unknown concepts throw here, as with conceptMatcher.
    const matcher = conceptMatcher(concept);
    if (!this.mayMatch(concept)) return null;
    let match = this.#firstMatches.get(concept);
    if (match === undefined) {
      match = matcher.findFolded(this.folded);
      this.#firstMatches.set(concept, match);
    }
    return match;
  }

  /** conceptMatcher(concept).findAllFolded(folded, max). */
  findAll(concept: Concept, max?: number): ConceptMatch[] {
    const matcher = conceptMatcher(concept);
    return this.mayMatch(concept) ? matcher.findAllFolded(this.folded, max) : [];
  }
}

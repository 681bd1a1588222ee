import { foldText, hasWordForms, termWordKey, textWordKeys } from '../../src/core/index.ts';
import { ALL_CONCEPTS, type Concept, hasUnspacedScript, TERMS, wordsOf } from './index.ts';

/**
 * Which concepts a folded text may match, screened for every concept at once. Where a spaced-script
 * term matches, each of its words stands as a whole word of the text, in a form whose keys
 * (word-forms.ts: the word, and the stems an Arabic or Cyrillic word may be) include the term
 * word's key: the matcher checks the boundary before the term in code and after it in the regex,
 * and the term's inner spaces, hyphens, apostrophes and punctuation are not letters or digits
 * (blanking out false friends only removes words). So a concept none of whose terms has all its
 * word keys among the word keys of the text cannot match it: the screen only spares the matcher
 * scans that would find nothing (findFolded screens short texts by the first words of terms,
 * mayContain; this serves texts of any length).
 */

/** Concept → bit position, over the concepts that have terms. */
const BIT_OF = new Map<Concept, number>(ALL_CONCEPTS.map((concept, i) => [concept, i]));
const WORDS = Math.ceil(ALL_CONCEPTS.length / 32);

/** A term, looked up by one of its words (the longest: the least common, roughly). */
interface IndexedTerm {
  bit: number;
  /** Ids of its other words. */
  others: readonly number[];
}

interface TermIndex {
  /** Every word of a term, by id. */
  idOf: Map<string, number>;
  /** By word id: the terms it is the key word of (empty when it is only another word). */
  keyedBy: IndexedTerm[][];
  /** Concepts with a spaced-script term holding no letter or digit: no word to screen them by. */
  unscreenable: Uint32Array;
}

let index: TermIndex | null = null;

function termIndex(): TermIndex {
  if (index) return index;
  const idOf = new Map<string, number>();
  const keyedBy: IndexedTerm[][] = [];
  const id = (word: string): number => {
    let known = idOf.get(word);
    if (known === undefined) {
      known = keyedBy.length;
      idOf.set(word, known);
      keyedBy.push([]);
    }
    return known;
  };
  const unscreenable = new Uint32Array(WORDS);
  for (const concept of ALL_CONCEPTS) {
    const bit = BIT_OF.get(concept)!;
    for (const term of new Set((TERMS[concept] ?? []).map(foldText))) {
      if (term === '' || hasUnspacedScript(term)) continue;
      const words = [...new Set(wordsOf(term).filter(Boolean).map(termWordKey))];
      const key = words.reduce<string | undefined>(
        (a, w) => (a === undefined || w.length > a.length ? w : a),
        undefined,
      );
      if (key === undefined) {
        unscreenable[bit >>> 5]! |= 1 << (bit & 31);
        continue;
      }
      const others = words.filter((w) => w !== key).map(id);
      keyedBy[id(key)]!.push({ bit, others });
    }
  }
  index = { idOf, keyedBy, unscreenable };
  return index;
}

/**
 * Scratch for ConceptScreen.of: seen[id] === stamp when the text being screened holds word id. One
 * text is screened at a time (synchronously), so a new stamp per text empties it.
 */
let seen = new Uint32Array(0);
let stamp = 0;

const WORD = 1;
const SEPARATOR = 2;
/** A script without spaces (its terms match anywhere) or a UTF-16 surrogate (the matcher reads one code unit). */
const UNSCREENABLE = 3;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What each UTF-16 code unit is to the screen, filled in as code units are met (0: not yet known). */
const CHAR_CLASS = new Uint8Array(0x10000);

function charClass(code: number): number {
  let kind = CHAR_CLASS[code]!;
  if (kind === 0) {
    const char = String.fromCharCode(code);
    if ((code >= 0xd800 && code <= 0xdfff) || hasUnspacedScript(char)) kind = UNSCREENABLE;
    else kind = WORD_CHAR.test(char) ? WORD : SEPARATOR;
    CHAR_CLASS[code] = kind;
  }
  return kind;
}

export class ConceptScreen {
  readonly #bits: Uint32Array;

  private constructor(bits: Uint32Array) {
    this.#bits = bits;
  }

  /** The screen of a text no term can match (only unscreenable concepts may), shared. */
  static #nothing: ConceptScreen | undefined;

  /**
   * The screen of a folded text, or null when it cannot be screened: text in a script without
   * spaces (terms match anywhere) or outside the Basic Multilingual Plane. Its words are the runs of
   * letters and digits, as the matcher's prefilter splits them (one pass, no regex per character).
   */
  static of(folded: string): ConceptScreen | null {
    const { idOf, keyedBy, unscreenable } = termIndex();
    if (seen.length !== keyedBy.length || stamp === 0xffffffff) {
      seen = new Uint32Array(keyedBy.length);
      stamp = 0;
    }
    stamp++;
    /** Ids of the words of the text that are the key word of some term. */
    const keys: number[] = [];
    const see = (word: string) => {
      const id = idOf.get(word);
      if (id !== undefined && seen[id] !== stamp) {
        seen[id] = stamp;
        if (keyedBy[id]!.length > 0) keys.push(id);
      }
    };
    let start = -1;
    for (let i = 0; i <= folded.length; i++) {
      let kind = i < folded.length ? CHAR_CLASS[folded.charCodeAt(i)]! : SEPARATOR;
      if (kind === 0) kind = charClass(folded.charCodeAt(i));
      if (kind === WORD) {
        if (start < 0) start = i;
        continue;
      }
      if (kind === UNSCREENABLE) return null;
      if (start >= 0) {
        const word = folded.slice(start, i);
        if (hasWordForms(word)) for (const key of textWordKeys(word)) see(key);
        else see(word);
        start = -1;
      }
    }
    let bits: Uint32Array | null = null;
    for (const key of keys) {
      for (const { bit, others } of keyedBy[key]!) {
        const mask = 1 << (bit & 31);
        if (bits && bits[bit >>> 5]! & mask) continue;
        if (!others.every((other) => seen[other] === stamp)) continue;
        bits ??= unscreenable.slice();
        bits[bit >>> 5]! |= mask;
      }
    }
    if (bits) return new ConceptScreen(bits);
    ConceptScreen.#nothing ??= new ConceptScreen(unscreenable);
    return ConceptScreen.#nothing;
  }

  /** The screen of several texts together: what any of them may match (null if one is unscreenable). */
  static union(screens: readonly (ConceptScreen | null)[]): ConceptScreen | null {
    const bits = new Uint32Array(WORDS);
    for (const screen of screens) {
      if (!screen) return null;
      for (let w = 0; w < WORDS; w++) bits[w]! |= screen.#bits[w]!;
    }
    return new ConceptScreen(bits);
  }

  /**
   * The concepts of a list as bits, to screen many texts against it (mayMatchMask); null when one
   * of them is unknown (unknown concepts are never screened out).
   */
  static mask(concepts: readonly Concept[]): Uint32Array | null {
    const mask = new Uint32Array(WORDS);
    for (const concept of concepts) {
      const bit = BIT_OF.get(concept);
      if (bit === undefined) return null;
      mask[bit >>> 5]! |= 1 << (bit & 31);
    }
    return mask;
  }

  /** False when the text surely does not match the concept (unknown concepts are never screened out). */
  mayMatch(concept: Concept): boolean {
    const bit = BIT_OF.get(concept);
    return bit === undefined || (this.#bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Whether the text may match one of the concepts. */
  mayMatchAny(concepts: readonly Concept[]): boolean {
    return concepts.some((concept) => this.mayMatch(concept));
  }

  /** Whether the text may match one of the concepts of a mask (ConceptScreen.mask). */
  mayMatchMask(mask: Uint32Array): boolean {
    for (let w = 0; w < WORDS; w++) if ((this.#bits[w]! & mask[w]!) !== 0) return true;
    return false;
  }
}

import { compileTerms, foldText } from '../../src/core/index.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { LANGUAGE_CODE_ALIASES, LANGUAGE_NAMES } from './language-names.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import { CONCEPTS, type Concept, type LanguageLexicon } from './types.ts';
import { zh } from './zh.ts';

export { CONCEPTS, type Concept, type LanguageLexicon } from './types.ts';
export { LANGUAGE_CODE_ALIASES, LANGUAGE_NAMES } from './language-names.ts';

export const LEXICONS: readonly LanguageLexicon[] = [en, fr, es, pt, it, ar, zh, ru];

function mergeTerms(pick: (lexicon: LanguageLexicon) => LanguageLexicon['terms'] | undefined) {
  const merged = {} as Record<Concept, string[]>;
  for (const concept of CONCEPTS) {
    const terms = LEXICONS.flatMap((lexicon) => pick(lexicon)?.[concept] ?? []);
    merged[concept] = [...new Set(terms)];
  }
  return merged;
}

/** Every language's terms per concept. */
export const TERMS: Readonly<Record<Concept, readonly string[]>> = mergeTerms((l) => l.terms);
/** Every language's false-friend phrases per concept (see LanguageLexicon.exclude). */
export const EXCLUSIONS: Readonly<Record<Concept, readonly string[]>> = mergeTerms((l) => l.exclude);

export interface ConceptMatch {
  /** The folded term as it matched. */
  term: string;
  /** Position in the folded text (close to the position in the original, whitespace-collapsed text). */
  index: number;
}

/** Accent/case-insensitive matcher of one concept, in every language, with its exclusions applied. */
export interface ConceptMatcher {
  concept: Concept;
  /** Matches raw text (folded here). */
  test(text: string): boolean;
  /** First match in raw text, or null. */
  find(text: string): ConceptMatch | null;
  /** First match in text already folded with foldText, or null (faster in loops). */
  findFolded(folded: string): ConceptMatch | null;
}

function buildMatcher(concept: Concept): ConceptMatcher {
  const include = compileTerms(TERMS[concept]);
  const excludeSource = compileTerms(EXCLUSIONS[concept]);
  const exclude = excludeSource ? new RegExp(excludeSource.source, 'gu') : null;
  const findFolded = (folded: string): ConceptMatch | null => {
    if (!include) return null;
    // Blank out false friends with spaces of equal length, so indexes stay valid.
    const text = exclude ? folded.replace(exclude, (m) => ' '.repeat(m.length)) : folded;
    const m = include.exec(text);
    return m ? { term: m[0], index: m.index } : null;
  };
  return {
    concept,
    findFolded,
    find: (text) => findFolded(foldText(text)),
    test: (text) => findFolded(foldText(text)) !== null,
  };
}

const matchers = new Map<Concept, ConceptMatcher>();

export function conceptMatcher(concept: Concept): ConceptMatcher {
  let matcher = matchers.get(concept);
  if (!matcher) {
    matcher = buildMatcher(concept);
    matchers.set(concept, matcher);
  }
  return matcher;
}

export function matchesConcept(concept: Concept, text: string): boolean {
  return conceptMatcher(concept).test(text);
}

const NAME_TO_CODE = new Map<string, string>();
for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
  NAME_TO_CODE.set(code, code);
  for (const name of names) NAME_TO_CODE.set(foldText(name), code);
}
for (const [alias, code] of Object.entries(LANGUAGE_CODE_ALIASES)) NAME_TO_CODE.set(alias, code);

export interface LanguageSwitchMatch {
  /** ISO 639-1 code the link names, or null for a generic switch ("Language", "Idiomas"). */
  language: string | null;
}

/**
 * Reads a link text as a language switch: its whole text is a language name or code ("English",
 * "FR", "[ES]"), a short phrase around one ("English version"), or a switch word ("Langues").
 * Long texts are not switches: "Cursos de español para adultos" is a course.
 */
export function languageSwitchOf(text: string): LanguageSwitchMatch | null {
  const folded = foldText(text)
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!folded || folded.length > 40) return null;
  const whole = NAME_TO_CODE.get(folded);
  if (whole) return { language: whole };
  const tokens = folded.split(' ');
  if (tokens.length <= 4) {
    for (const token of tokens) {
      // Two-letter codes only count as the whole text: "es" inside a phrase is a word.
      const code = token.length > 3 ? NAME_TO_CODE.get(token) : undefined;
      if (code) return { language: code };
    }
    for (const [name, code] of NAME_TO_CODE) {
      if (name.includes(' ') && folded.includes(name)) return { language: code };
    }
  }
  if (tokens.length <= 5 && conceptMatcher('languageSwitch').findFolded(folded)) return { language: null };
  return null;
}

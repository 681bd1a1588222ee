import {
  foldText,
  hasWordForms,
  NO_SPACE_SCRIPT,
  NO_SPACE_SCRIPT_CLASS,
  startsTermAt,
  termPattern,
  termWordKey,
  textWordKeys,
  WORD_END,
} from '../../src/core/index.ts';
import dictionary from './concepts.json' with { type: 'json' };
import { LANGUAGE_CODE_ALIASES, LANGUAGE_NAMES } from './language-names.ts';
import ar from './languages/ar.json' with { type: 'json' };
import en from './languages/en.json' with { type: 'json' };
import es from './languages/es.json' with { type: 'json' };
import fr from './languages/fr.json' with { type: 'json' };
import it from './languages/it.json' with { type: 'json' };
import pt from './languages/pt.json' with { type: 'json' };
import ru from './languages/ru.json' with { type: 'json' };
import zh from './languages/zh.json' with { type: 'json' };
import { dictionaryConcepts, loadLexicon } from './load-lexicon.ts';
import type { Concept, LanguageLexicon } from './types.ts';

export type { Concept, LanguageLexicon } from './types.ts';
export { LANGUAGE_CODE_ALIASES, LANGUAGE_NAMES };

/** Every concept the detectors may name, from concepts.json. */
export const CONCEPTS: readonly Concept[] = dictionaryConcepts(dictionary);

/** The languages, each checked against the dictionary when loaded. A new language is one file and one line here. */
export const LEXICONS: readonly LanguageLexicon[] = (
  [
    [en, 'en'],
    [fr, 'fr'],
    [es, 'es'],
    [pt, 'pt'],
    [it, 'it'],
    [ar, 'ar'],
    [zh, 'zh'],
    [ru, 'ru'],
  ] as const
).map(([table, code]) => loadLexicon(table, `rules/lexicons/languages/${code}.json`, CONCEPTS));

function mergeTerms(pick: (lexicon: LanguageLexicon) => LanguageLexicon['terms']): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const concept of CONCEPTS) {
    merged[concept] = [...new Set(LEXICONS.flatMap((lexicon) => pick(lexicon)[concept] ?? []))];
  }
  return merged;
}

/** Every language's terms per concept. */
export const TERMS: Readonly<Record<string, readonly string[]>> = mergeTerms((l) => l.terms);
/** Every language's false-friend phrases per concept (see LanguageLexicon.exclude). */
export const EXCLUSIONS: Readonly<Record<string, readonly string[]>> = mergeTerms((l) => l.exclude);

/** The lexicon of a language code (`pt-BR` → pt), if one is bundled. */
export function lexiconOf(language: string | undefined): LanguageLexicon | undefined {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return LEXICONS.find((l) => l.language === primary);
}

/** Every concept with at least one term. */
export const ALL_CONCEPTS: readonly Concept[] = Object.keys(TERMS).filter((c) => (TERMS[c]?.length ?? 0) > 0);

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
  /** Every match (up to `max`) in folded text, in one pass. */
  findAllFolded(folded: string, max?: number): ConceptMatch[];
  /** Key of the first word of every spaced-script term (wordKeysOf): a text without one cannot match them. */
  firstWords: ReadonlySet<string>;
  /** Terms in scripts without spaces (matched as substrings). */
  unspacedTerms: readonly string[];
}

/** Letters and digits of spaced scripts make words; scripts without spaces separate them. */
const TOKEN_SPLIT = new RegExp(`[^\\p{L}\\p{N}]+|${NO_SPACE_SCRIPT_CLASS}+`, 'u');
/** In ASCII text the letters and digits are these: the same split, several times faster. */
const ASCII_TOKEN_SPLIT = /[^a-zA-Z0-9]+/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Below this length a text is checked token by token before the regex runs. */
const PREFILTER_MAX = 300;

interface CompiledTerms {
  /** Spaced-script terms, longest first, with the trailing word boundary; the leading one is checked in code. */
  spaced: RegExp | null;
  unspaced: RegExp | null;
}

/**
 * Same matching rules as src/core compileTerms (folded, word-bounded except in scripts without
 * spaces, words in the forms their script allows, a space in a term matches spaces, hyphens,
 * underscores or slashes), built for speed: a lookbehind on every alternative makes V8 try each
 * term at each position (hundreds of µs per link text), so the leading boundary is checked in code.
 */
function compileLexiconTerms(terms: readonly string[]): CompiledTerms {
  const folded = [...new Set(terms.map(foldText).filter(Boolean))].sort((a, b) => b.length - a.length);
  const body = (list: string[]) => list.map(termPattern).join('|');
  const spaced = folded.filter((t) => !NO_SPACE_SCRIPT.test(t));
  const unspaced = folded.filter((t) => NO_SPACE_SCRIPT.test(t));
  return {
    spaced: spaced.length ? new RegExp(`(?:${body(spaced)})${WORD_END}`, 'gu') : null,
    unspaced: unspaced.length ? new RegExp(body(unspaced), 'gu') : null,
  };
}

/** Matches in order of position, up to `max`. */
function scan(text: string, compiled: CompiledTerms, max: number): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  const { spaced, unspaced } = compiled;
  if (spaced) {
    spaced.lastIndex = 0;
    for (let m = spaced.exec(text); m && out.length < max; m = spaced.exec(text)) {
      if (startsTermAt(text, m.index)) out.push({ term: m[0], index: m.index });
      else spaced.lastIndex = m.index + 1;
    }
  }
  if (unspaced) {
    const before = out.length;
    unspaced.lastIndex = 0;
    for (let m = unspaced.exec(text); m && out.length - before < max; m = unspaced.exec(text)) {
      out.push({ term: m[0], index: m.index });
    }
    if (before > 0) out.sort((a, b) => a.index - b.index);
  }
  return out.length > max ? out.slice(0, max) : out;
}

/** Whether a folded text or term holds a script without spaces (its terms match as substrings). */
export function hasUnspacedScript(folded: string): boolean {
  return NO_SPACE_SCRIPT.test(folded);
}

/** A folded text split on every run of characters that are not letters or digits of a spaced script. */
export function wordsOf(folded: string): string[] {
  return folded.split(ASCII_ONLY.test(folded) ? ASCII_TOKEN_SPLIT : TOKEN_SPLIT);
}

/**
 * The keys of every word of a folded text (word-forms.ts): the words, and the stems an Arabic or
 * Cyrillic word may be. A term can match the text only if the keys of its words are among these.
 * The array is shared with the next caller asking about the same text: do not change it.
 */
export function wordKeysOf(folded: string): readonly string[] {
  // Matchers of many concepts screen the same link text in turn: keep the last answer.
  if (folded === lastKeys.text) return lastKeys.keys;
  const words = wordsOf(folded);
  const keys = ASCII_ONLY.test(folded)
    ? words
    : words.flatMap((word) => (hasWordForms(word) ? textWordKeys(word) : [word]));
  lastKeys = { text: folded, keys };
  return keys;
}

let lastKeys: { text: string; keys: readonly string[] } = { text: '', keys: [] };

/** The key of the first word of a folded spaced-script term, if it has one. */
function firstWordKeyOf(folded: string): string | undefined {
  const first = wordsOf(folded).find(Boolean);
  return first === undefined ? undefined : termWordKey(first);
}

/** First word keys of spaced-script terms, and unspaced terms: what a text must contain to match. */
function prefilterData(terms: readonly string[]): { firstWords: Set<string>; unspacedTerms: string[] } {
  const firstWords = new Set<string>();
  const unspacedTerms: string[] = [];
  for (const term of terms.map(foldText)) {
    if (hasUnspacedScript(term)) unspacedTerms.push(term);
    else {
      const first = firstWordKeyOf(term);
      if (first) firstWords.add(first);
    }
  }
  return { firstWords, unspacedTerms };
}

/** Whether folded text holds one of the first word keys or unspaced terms (cheap; no regex per term). */
export function mayContain(
  folded: string,
  firstWords: ReadonlySet<string>,
  unspacedTerms: readonly string[],
): boolean {
  for (const key of wordKeysOf(folded)) if (firstWords.has(key)) return true;
  return unspacedTerms.some((term) => folded.includes(term));
}

function buildMatcher(concept: Concept): ConceptMatcher {
  const terms = TERMS[concept];
  if (!terms || terms.length === 0) {
    throw new Error(
      `Unknown lexicon concept "${concept}": list it in rules/lexicons/concepts.json and give it words in the language files.`,
    );
  }
  const exclusions = EXCLUSIONS[concept] ?? [];
  const include = compileLexiconTerms(terms);
  const exclude = exclusions.length ? compileLexiconTerms(exclusions) : null;
  const { firstWords, unspacedTerms } = prefilterData(terms);
  // Blank out false friends with spaces of equal length, so indexes stay valid.
  const blank = (folded: string): string => {
    if (!exclude) return folded;
    let out = folded;
    for (const m of scan(folded, exclude, 100)) {
      out = out.slice(0, m.index) + ' '.repeat(m.term.length) + out.slice(m.index + m.term.length);
    }
    return out;
  };
  const findAllFolded = (folded: string, max = 50): ConceptMatch[] => scan(blank(folded), include, max);
  const findFolded = (folded: string): ConceptMatch | null => {
    // Short texts (link labels) are screened word by word; most match nothing.
    if (folded.length <= PREFILTER_MAX && !mayContain(folded, firstWords, unspacedTerms)) return null;
    return scan(blank(folded), include, 1)[0] ?? null;
  };
  return {
    concept,
    firstWords,
    unspacedTerms,
    findFolded,
    findAllFolded,
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
const MULTI_WORD_NAMES = [...NAME_TO_CODE].filter(([name]) => name.includes(' '));

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
  if (text.length > 60) return null;
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
    for (const [name, code] of MULTI_WORD_NAMES) if (folded.includes(name)) return { language: code };
  }
  if (tokens.length <= 5 && conceptMatcher('languageSwitch').findFolded(folded)) return { language: null };
  return null;
}

/**
 * How a word of a lexicon term may be written in a text, per script. One mechanism for every
 * lexicon, in folded text (foldText):
 *
 * - Latin and other spaced scripts: the word as written, between word boundaries.
 * - Arabic: clitics are written joined to the word. The first word of a term may carry a conjunction
 *   (و, ف), a preposition (ب, ك, ل) and the article (ال; ل + ال is written لل): "الخدمات" is also
 *   "والخدمات", "بالخدمات", "للخدمات", "خدمات". Later words may drop or take the article
 *   ("خدمات إلكترونية", "الخدمات الإلكترونية").
 * - Cyrillic: nouns and adjectives inflect. A word's stem (its lexicon form without an inflectional
 *   ending) may take any noun or adjective ending: "услуги" is also "услуг", "услугам", "услугами".
 *   Stems shorter than four letters stay exact ("тел" is not "тело"). Forms whose stem changes
 *   (fleeting vowels: "закупки" → "закупок") are listed in the lexicon.
 * - Scripts without spaces (Han, kana, Thai): terms match as substrings; words of other scripts
 *   next to them ("APP下载") are still words, so those scripts count as boundaries.
 *
 * Word keys serve the screens that skip texts before any regex runs: a term word's key is its
 * stem, and a text word's keys are the word and each stem it may be (every way of cutting a prefix
 * or an ending off), so a text whose word can match a term word holds that word's key.
 */

/** Han, Hiragana, Katakana, Thai: scripts written without spaces between words. */
export const NO_SPACE_SCRIPT_CLASS =
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}]';
export const NO_SPACE_SCRIPT = new RegExp(NO_SPACE_SCRIPT_CLASS, 'u');

/** Before a term: the start, a character that is neither letter nor digit, or a script without spaces. */
export const WORD_START = `(?<=^|[^\\p{L}\\p{N}]|${NO_SPACE_SCRIPT_CLASS})`;
/** After a term: the end, a character that is neither letter nor digit, or a script without spaces. */
export const WORD_END = `(?=$|[^\\p{L}\\p{N}]|${NO_SPACE_SCRIPT_CLASS})`;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the character at `index` begins a word (see WORD_START). */
export function startsWordAt(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1]!;
  return !WORD_CHAR.test(before) || NO_SPACE_SCRIPT.test(before);
}

const ARABIC_LETTER = /^[\u0621-\u064a\u066e-\u06d3]+$/;
const CYRILLIC_LETTER = /^[\u0430-\u044f\u0450-\u045f]+$/;

const ARTICLE = 'ال';
/** Conjunction, preposition and article joined before an Arabic word (folded): و, بال, ولل… */
const ARABIC_PREFIXES: readonly string[] = (() => {
  const out = new Set<string>();
  for (const conjunction of ['', 'و', 'ف']) {
    for (const preposition of ['', 'ب', 'ك', 'ل']) {
      for (const article of ['', ARTICLE]) {
        const joined = preposition === 'ل' && article ? 'لل' : preposition + article;
        if (conjunction + joined) out.add(conjunction + joined);
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
})();
/**
 * What may be joined before the first word of an Arabic term, as its regex matches it (without
 * its article): a prefix, then the article again for words that start with ال of their own
 * ("والالكترونية": و + ال + الكترونية).
 */
const ARABIC_LEADS: ReadonlySet<string> = new Set(
  ARABIC_PREFIXES.flatMap((prefix) => [prefix, `${prefix}${ARTICLE}`]),
);
const ARABIC_LEAD_PATTERN = `(?:${[...ARABIC_LEADS].sort((a, b) => b.length - a.length).join('|')})?`;
const ARABIC_LEAD_MAX = Math.max(...[...ARABIC_LEADS].map((lead) => lead.length));
const ARABIC_PREFIX_SET: ReadonlySet<string> = new Set(ARABIC_PREFIXES);
const ARABIC_PREFIX_MAX = Math.max(...ARABIC_PREFIXES.map((p) => p.length));
/** A stem left after cutting an Arabic prefix has at least this many letters. */
const ARABIC_MIN_STEM = 2;

function isArabicCode(code: number): boolean {
  return (code >= 0x0621 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3);
}

/**
 * Whether a term may start matching at `index`: a word starts there, or the Arabic letters between
 * the start of the word and `index` are clitics and articles (ARABIC_LEADS). The matcher's regex
 * starts Arabic terms at their stem, so that every alternative begins with its own letters.
 */
export function startsTermAt(text: string, index: number): boolean {
  if (startsWordAt(text, index)) return true;
  if (!isArabicCode(text.charCodeAt(index))) return false;
  let start = index;
  while (start > 0 && index - start < ARABIC_LEAD_MAX && isArabicCode(text.charCodeAt(start - 1))) start--;
  return startsWordAt(text, start) && ARABIC_LEADS.has(text.slice(start, index));
}

/**
 * Russian (and other Cyrillic-script) noun and adjective endings, folded: foldText turns й into и,
 * so "ий" is "ии" and "ей" is "еи".
 */
const CYRILLIC_ENDINGS: readonly string[] = [
  ...['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими'],
  ...['ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'еи', 'ои', 'ом', 'ем', 'ью', 'ии', 'ыи', 'ая', 'яя'],
  ...['ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ую', 'юю'],
  ...['а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь'],
];
/**
 * The endings as letter classes, position by position ("а|ами|ого…" → "[ао…](?:[мг…][ио…]?)?"):
 * one short group per word of every Russian term keeps the lexicon regexes small enough for V8 to
 * compile them well. It also takes a few letter strings that are not endings, none of them common.
 */
const CYRILLIC_ENDING = (() => {
  const at = (i: number) => `[${[...new Set(CYRILLIC_ENDINGS.map((e) => e[i]).filter(Boolean))].join('')}]`;
  return `(?:${at(0)}(?:${at(1)}${at(2)}?)?)`;
})();
/** A whole suffix the regex reads as an ending (the screens cut exactly these). */
const IS_CYRILLIC_ENDING = new RegExp(`^${CYRILLIC_ENDING}$`);
const CYRILLIC_ENDING_MAX = Math.max(...CYRILLIC_ENDINGS.map((e) => e.length));
/** A Cyrillic word inflects only when its stem has at least this many letters. */
const CYRILLIC_MIN_STEM = 4;

function cyrillicStem(word: string): string | null {
  for (const ending of CYRILLIC_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= CYRILLIC_MIN_STEM) {
      return word.slice(0, -ending.length);
    }
  }
  return word.length >= CYRILLIC_MIN_STEM ? word : null;
}

function arabicStem(word: string): string {
  return word.startsWith(ARTICLE) && word.length - ARTICLE.length >= ARABIC_MIN_STEM
    ? word.slice(ARTICLE.length)
    : word;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for one word of a folded term; `first` when it begins the term. */
function wordPattern(word: string, first: boolean): string {
  if (ARABIC_LETTER.test(word)) {
    const stem = escapeRegExp(arabicStem(word));
    // The first word's clitics and article are checked in code (startsTermAt). A later word may
    // take the article, and one written with ال may be a loanword that starts with it
    // ("الكترونية" is إلكترونية), with the article on top ("الالكترونية").
    if (first) return stem;
    return `(?:${ARTICLE})?${stem === word ? '' : `(?:${ARTICLE})?`}${stem}`;
  }
  if (CYRILLIC_LETTER.test(word)) {
    const stem = cyrillicStem(word);
    if (stem !== null) return `${escapeRegExp(stem)}${CYRILLIC_ENDING}?`;
  }
  return escapeRegExp(word);
}

/** Spaces, hyphens, dashes, underscores and slashes between words: "wi-fi", "вопрос — ответ". */
const WORD_SEPARATORS = /^[\s\-_/\u2013\u2014]+$/;
const FLEXIBLE_SEPARATOR = '[\\s\\-_/\\u2013\\u2014]+';

/**
 * Regex source of a folded term, without boundaries: its words in the forms their script allows; a
 * run of spaces, hyphens, dashes, underscores or slashes between two words matches any such run;
 * typographic and straight apostrophes are the same letter.
 */
export function termPattern(term: string): string {
  let first = true;
  const parts = term.split(/([\p{L}\p{N}]+)/u);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) {
        const betweenWords = i > 0 && i < parts.length - 1;
        if (betweenWords && WORD_SEPARATORS.test(part)) return FLEXIBLE_SEPARATOR;
        return escapeRegExp(part).replace(/['’]/g, "['’]");
      }
      const pattern = wordPattern(part, first);
      first = false;
      return pattern;
    })
    .join('');
}

/**
 * What compileTerms puts between the word boundary and a term: the clitics and articles an Arabic
 * first word may carry (see startsTermAt), nothing for other scripts.
 */
export function termLead(term: string): string {
  const first = term.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
  return ARABIC_LETTER.test(first) ? ARABIC_LEAD_PATTERN : '';
}

/** The key a term word is screened by: its stem where its script inflects or takes prefixes. */
export function termWordKey(word: string): string {
  if (ARABIC_LETTER.test(word)) return arabicStem(word);
  if (CYRILLIC_LETTER.test(word)) return cyrillicStem(word) ?? word;
  return word;
}

/** The keys a text word may match a term word by: the word itself, and each stem it may be. */
export function textWordKeys(word: string): string[] {
  const code = word.charCodeAt(0);
  if (code >= 0x0621 && code <= 0x06d3 && ARABIC_LETTER.test(word)) {
    const keys = [word];
    // Any stem, however short: a one-letter term word ("ص" of "ص.ب") may follow a prefix too.
    for (let length = 1; length <= ARABIC_PREFIX_MAX && length < word.length; length++) {
      if (!ARABIC_PREFIX_SET.has(word.slice(0, length))) continue;
      const stem = word.slice(length);
      keys.push(stem);
      // The article on a word that itself starts with ال ("والالكترونية"): its stem is one ال further.
      if (stem.startsWith(ARTICLE) && stem.length > ARTICLE.length) keys.push(stem.slice(ARTICLE.length));
    }
    return keys;
  }
  if (code >= 0x0430 && code <= 0x045f && CYRILLIC_LETTER.test(word)) {
    const keys = [word];
    for (let length = 1; length <= CYRILLIC_ENDING_MAX; length++) {
      if (word.length - length < CYRILLIC_MIN_STEM) break;
      if (IS_CYRILLIC_ENDING.test(word.slice(-length))) keys.push(word.slice(0, -length));
    }
    return keys;
  }
  return [word];
}

/** Whether a text word may need more keys than itself (Arabic or Cyrillic). Cheap: one char code. */
export function hasWordForms(word: string): boolean {
  const code = word.charCodeAt(0);
  return (code >= 0x0621 && code <= 0x06d3) || (code >= 0x0430 && code <= 0x045f);
}

const NO_SPACE_RUN = new RegExp(`${NO_SPACE_SCRIPT_CLASS}+`, 'gu');
/** Average length of a word in scripts without spaces: most Chinese words have two characters. */
const CHARS_PER_UNSPACED_WORD = 2;

/**
 * Words in a text as a reader counts them: its whitespace-separated tokens, except that a run of a
 * script without spaces counts one word per two characters, so that a Chinese headline
 * ("文华路改造工程12月8日起实施交通管制") is as long as its translation, not one word.
 */
export function wordCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (!NO_SPACE_SCRIPT.test(token)) {
      count++;
      continue;
    }
    let rest = token;
    for (const run of token.match(NO_SPACE_RUN) ?? []) {
      count += Math.ceil([...run].length / CHARS_PER_UNSPACED_WORD);
      rest = rest.replace(run, ' ');
    }
    count += rest.split(' ').filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
  }
  return count;
}

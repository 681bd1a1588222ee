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
const ARABIC_PREFIX = '(?:[وف]?(?:لل|[بك]?ال|[بكل])|[وف])';
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
/** A stem left after cutting an Arabic prefix has at least this many letters. */
const ARABIC_MIN_STEM = 2;

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
const CYRILLIC_ENDING = `(?:${CYRILLIC_ENDINGS.join('|')})`;
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
    return first ? `${ARABIC_PREFIX}?${stem}` : `(?:${ARTICLE})?${stem}`;
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
    for (const prefix of ARABIC_PREFIXES) {
      // Any stem, however short: a one-letter term word ("ص" of "ص.ب") may follow a prefix too.
      if (word.startsWith(prefix) && word.length > prefix.length) keys.push(word.slice(prefix.length));
    }
    return keys;
  }
  if (code >= 0x0430 && code <= 0x045f && CYRILLIC_LETTER.test(word)) {
    const keys = [word];
    for (const ending of CYRILLIC_ENDINGS) {
      if (word.endsWith(ending) && word.length - ending.length >= CYRILLIC_MIN_STEM) {
        keys.push(word.slice(0, -ending.length));
      }
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

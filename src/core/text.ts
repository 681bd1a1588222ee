/**
 * Whitespace that collapsing changes: runs of two or more, and any single whitespace other than a
 * space. Replacing these with one space is the same as replacing every run (`[\s\u00a0]+`, \s covers
 * U+00A0) but leaves the single spaces between words alone, which is most of them.
 */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Text normalisation shared by crawlers (link hints) and rules (lexicon matching):
 * accent- and case-insensitive, whitespace collapsed.
 */
export function foldText(text: string): string {
  // ASCII has no decompositions, marks or typographic apostrophes: only case and spaces to fold.
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      // Typographic apostrophes ("d’eau") match terms written with a straight one ("d'eau").
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .toLowerCase()
      .replace(WHITESPACE_TO_COLLAPSE, ' ')
      .trim()
  );
}

export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Han, Hiragana, Katakana, Hangul, Thai: scripts written without spaces between words. */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles folded terms into one matcher. Terms in spaced scripts match on word boundaries
 * (letters/digits of any script); terms in Chinese/Japanese/Thai match anywhere.
 */
export function compileTerms(terms: readonly string[]): RegExp | null {
  const parts = [...new Set(terms.map(foldText).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const body = escapeRegExp(term).replace(/ /g, '[\\s\\-_/]+');
      return NO_SPACE_SCRIPT.test(term) ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
    });
  if (parts.length === 0) return null;
  return new RegExp(parts.join('|'), 'u');
}

/** Splits a URL path into folded words: "/en/Privacy-Policy.html" → "en privacy policy html". */
export function urlPathWords(url: string): string {
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + (u.search ? ` ${u.search}` : ''));
  } catch {
    path = url;
  }
  return foldText(path.replace(/[/_\-.?=&+%]+/g, ' '));
}

import { NO_SPACE_SCRIPT, termLead, termPattern, WORD_END, WORD_START } from './word-forms.ts';

/**
 * Whitespace that collapsing changes: runs of two or more, and any single whitespace other than a
 * space. Replacing these with one space is the same as replacing every run (`[\s\u00a0]+`, \s covers
 * U+00A0) but leaves the single spaces between words alone, which is most of them.
 */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Arabic letters written several ways, as Arabic search engines normalise them (Lucene's
 * ArabicNormalizer): tatweel dropped, alef wasla to alef, alef maqsura to yaa, taa marbuta to haa,
 * the Persian yaa and kaf some sites type to the Arabic ones; Arabic-Indic digits to ASCII digits.
 * (Hamza on alef, waw and yaa and the short vowels are marks that NFKD and the mark removal drop.)
 */
const ARABIC_VARIANT = /[\u0640\u0671\u0649\u0629\u06cc\u06a9\u0660-\u0669\u06f0-\u06f9]/g;
const ARABIC_CANONICAL: Record<string, string> = {
  '\u0640': '',
  '\u0671': '\u0627',
  '\u0649': '\u064a',
  '\u0629': '\u0647',
  '\u06cc': '\u064a',
  '\u06a9': '\u0643',
};
const HAS_ARABIC = /[\u0600-\u06ff]/;

function canonicalArabic(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ARABIC_CANONICAL[char] ?? char;
}

/**
 * Text normalisation shared by crawlers (link hints) and rules (lexicon matching):
 * accent- and case-insensitive, Arabic spelling variants unified, whitespace collapsed.
 */
export function foldText(text: string): string {
  // ASCII has no decompositions, marks or typographic apostrophes: only case and spaces to fold.
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
  let folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // Typographic apostrophes ("d’eau") match terms written with a straight one ("d'eau").
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
  if (HAS_ARABIC.test(folded)) folded = folded.replace(ARABIC_VARIANT, canonicalArabic);
  return folded.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Compiles folded terms into one matcher. Terms in spaced scripts match on word boundaries (letters
 * and digits of any script but those without spaces), in the forms their script allows (Arabic
 * prefixes, Russian endings: see word-forms.ts); terms in Chinese/Japanese/Thai match anywhere.
 */
export function compileTerms(terms: readonly string[]): RegExp | null {
  const parts = [...new Set(terms.map(foldText).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const body = termPattern(term);
      if (NO_SPACE_SCRIPT.test(term)) return body;
      // The boundary comes before an Arabic term's joined clitics (the lead), as in startsTermAt.
      const lead = termLead(term);
      return lead ? `(?<=${WORD_START}${lead})(?:${body})${WORD_END}` : `${WORD_START}(?:${body})${WORD_END}`;
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

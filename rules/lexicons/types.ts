/**
 * Concepts the rules and the crawler's link hints look for. Each language file maps a concept to the
 * words a government site in that language uses for it (link texts, headings, URL slugs).
 */
export const CONCEPTS = [
  'search',
  'contact',
  'phoneLabel',
  'addressLabel',
  'streetType',
  'privacy',
  'legalNotice',
  'help',
  'faq',
  'sitemap',
  'openData',
  'social',
  'accessibility',
  'languageSwitch',
  'service',
  'news',
  'events',
] as const;
/** A core concept (in the language files) or a family concept (in families/). Checked at lookup. */
export type CoreConcept = (typeof CONCEPTS)[number];
export type Concept = CoreConcept | (string & {});

export type ConceptTerms = Partial<Record<CoreConcept, readonly string[]>>;

export interface LanguageLexicon {
  /** ISO 639-1 code. */
  language: string;
  terms: ConceptTerms;
  /**
   * Phrases that contain a concept's word but mean something else (fr "aide sociale" is a benefit,
   * not help). They are blanked out of a text before the concept's terms are matched.
   */
  exclude?: ConceptTerms;
}

/** The languages every lexicon covers: the six UN official languages plus Portuguese and Italian. */
export const LEXICON_LANGUAGES = ['en', 'fr', 'es', 'pt', 'it', 'ar', 'zh', 'ru'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

export type MultilingualTerms = Partial<Record<LexiconLanguage, readonly string[]>>;

/**
 * A family of concepts with their terms in every language, one file per indicator family
 * (families/<name>.ts): services, participation, city content… Concept names must not collide with
 * the core concepts or another family's.
 */
export interface ConceptFamily {
  name: string;
  terms: Record<string, MultilingualTerms>;
  /** False friends per concept, as in LanguageLexicon.exclude. */
  exclude?: Record<string, MultilingualTerms>;
}

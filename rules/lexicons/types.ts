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
export type Concept = (typeof CONCEPTS)[number];

export type ConceptTerms = Partial<Record<Concept, readonly string[]>>;

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

/**
 * A concept the detectors and the crawler's link hints look for (`search`, `buildingPermit`): named by
 * what it means, listed with its family in concepts.json; each language file gives its words.
 */
export type Concept = string;

/** One language's words for the concepts (rules/lexicons/languages/<code>.json). */
export interface LanguageLexicon {
  /** ISO 639-1 code. */
  language: string;
  /** The words a government site in this language uses for a concept (link texts, headings, URL slugs). */
  terms: Readonly<Record<Concept, readonly string[]>>;
  /**
   * Phrases that contain a concept's word but mean something else (fr "aide sociale" is a benefit,
   * not help). They are blanked out of a text before the concept's terms are matched.
   */
  exclude: Readonly<Record<Concept, readonly string[]>>;
  /** The linguist's notes on a concept's words in this language (why a word is in or out). */
  notes: Readonly<Record<Concept, string>>;
  /** Concepts of concepts.json this language has no words for: detectors of them cannot find them here. */
  missing: readonly Concept[];
}

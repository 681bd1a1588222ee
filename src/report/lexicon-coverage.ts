import { pageLanguage } from '../../rules/_shared/pages.ts';
import { lexiconOf } from '../../rules/lexicons/index.ts';
import type { PageCapture } from '../core/index.ts';

/** Whether the words the detectors look for exist in the portal's language. */
export interface LexiconCoverage {
  /** The home page's language (primary subtag), as the detectors read it (pageLanguage). */
  language: string;
  /** A lexicon of this language is bundled. */
  bundled: boolean;
  /** Concepts the bundled lexicon has no words for (empty when it is complete or not bundled). */
  missingConcepts: string[];
}

/** Null when the home page says nothing of its language and its text was too short to tell. */
export function lexiconCoverage(home: PageCapture | undefined): LexiconCoverage | null {
  const language = home ? pageLanguage(home).language : null;
  if (!language) return null;
  const lexicon = lexiconOf(language);
  return { language, bundled: Boolean(lexicon), missingConcepts: [...(lexicon?.missing ?? [])] };
}

/** A sentence for the report when words may be missed; null when the lexicon is complete. */
export function lexiconWarning(coverage: LexiconCoverage | null | undefined): string | null {
  if (!coverage) return null;
  if (!coverage.bundled) {
    return `The portal's language (${coverage.language}) has no bundled lexicon: indicators found by their words (links, headings) are looked for only in the eight bundled languages, so some may be missed here.`;
  }
  if (coverage.missingConcepts.length > 0) {
    return `The ${coverage.language} lexicon is partial: it has no words for ${coverage.missingConcepts.join(', ')}, so the indicators that look for them may be missed.`;
  }
  return null;
}

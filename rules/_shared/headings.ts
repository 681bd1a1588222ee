import { foldText, type PageCapture } from '../../src/core/index.ts';
import { type Concept, conceptMatcher } from '../lexicons/index.ts';

export interface HeadingMatch {
  /** 'title' or `h1`…`h6`: the element whose text matched. */
  selector: string;
  text: string;
  concept: Concept;
}

/**
 * Whether a page presents itself as being about a concept: its <title> or one of its top headings
 * (h1/h2 by default) matches. Body text is not enough: a news item that mentions "privacy" is not
 * a privacy page.
 */
export function headingMatch(
  page: PageCapture,
  concepts: Concept | readonly Concept[],
  maxLevel = 2,
  /** Ignore longer headings: with no link to vouch for the page, a long heading is more likely a mention. */
  maxWords = Number.POSITIVE_INFINITY,
): HeadingMatch | null {
  const list = typeof concepts === 'string' ? [concepts] : concepts;
  const candidates: { selector: string; text: string }[] = [
    ...page.headings
      .filter((h) => h.level <= maxLevel)
      .map((h) => ({ selector: `h${h.level}`, text: h.text })),
    { selector: 'title', text: page.title },
  ];
  for (const candidate of candidates) {
    const folded = foldText(candidate.text);
    if (!folded) continue;
    // Titles carry the site name ("Privacy | City of X"): count the words before the separator.
    const label = candidate.selector === 'title' ? (folded.split(/\s[|–—-]\s/)[0] ?? folded) : folded;
    if (label.split(' ').length > maxWords) continue;
    for (const concept of list) {
      if (conceptMatcher(concept).findFolded(folded)) return { ...candidate, concept };
    }
  }
  return null;
}

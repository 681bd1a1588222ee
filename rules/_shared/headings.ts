import { type PageCapture, wordCount } from '../../src/core/index.ts';
import { ConceptScreen } from '../lexicons/concept-screen.ts';
import type { FoldedText } from '../lexicons/folded-text.ts';
import type { Concept } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { headingText, titleText } from './folded-captures.ts';

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
  if (headingScreen(page)?.mayMatchAny(list) === false) return null;
  for (const heading of page.headings) {
    if (heading.level > maxLevel) continue;
    const match = namedBy(headingText(heading), list, maxWords, false);
    if (match) return { selector: `h${heading.level}`, text: heading.text, concept: match };
  }
  const match = namedBy(titleText(page), list, maxWords, true);
  return match ? { selector: 'title', text: page.title, concept: match } : null;
}

/** The concepts some heading or the title of a page may match (see ConceptScreen). */
const headingScreen = memoizePerCapture((page: PageCapture) =>
  ConceptScreen.of([...page.headings.map((h) => headingText(h).folded), titleText(page).folded].join(' \n ')),
);

/** The first concept a heading or title names, unless it is too long to be a label. */
function namedBy(
  text: FoldedText,
  concepts: readonly Concept[],
  maxWords: number,
  isTitle: boolean,
): Concept | null {
  const { folded } = text;
  if (!folded) return null;
  if (maxWords !== Number.POSITIVE_INFINITY) {
    // Titles carry the site name ("Privacy | City of X", "隐私声明_青岚市人民政府"): count the
    // words before the separator.
    const label = isTitle ? (folded.split(/\s[|–—-]\s|\s?_\s?/)[0] ?? folded) : folded;
    if (wordCount(label) > maxWords) return null;
  }
  return concepts.find((concept) => text.find(concept)) ?? null;
}

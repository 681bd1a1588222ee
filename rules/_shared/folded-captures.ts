import type { CapturedLink, Heading, PageCapture } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { linkFacts } from './link-facts.ts';

/**
 * The texts of a site's captures folded once and shared by every rule (see FoldedText): page text,
 * title, headings, link texts and URL words. Keyed by the capture objects, so they live as long as
 * the site does.
 */

/** A page's visible text, folded once per capture. */
export const pageText: (page: PageCapture) => FoldedText = memoizePerCapture((page: PageCapture) =>
  FoldedText.of(page.text),
);

/** foldText(page.text), once per capture. */
export function foldedPageText(page: PageCapture): string {
  return pageText(page).folded;
}

/** A link's text, folded once (shared by equal links of a site, see link-facts.ts). */
export function linkText(link: CapturedLink): FoldedText {
  return linkFacts(link).text;
}

/** A link's URL path words (urlPathWords: already folded), once (shared as linkText). */
export function linkUrlWords(link: CapturedLink): FoldedText {
  return linkFacts(link).urlWords;
}

/** A heading's text, folded once per capture. */
export const headingText: (heading: Heading) => FoldedText = memoizePerCapture((heading: Heading) =>
  FoldedText.of(heading.text),
);

/** A page's <title>, folded once per capture. */
export const titleText: (page: PageCapture) => FoldedText = memoizePerCapture((page: PageCapture) =>
  FoldedText.of(page.title),
);

import type { PageCapture, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import { foldWithOrigins, originalRange } from '../../src/core/text-map.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import type { Concept, ConceptMatch } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { textEvidence } from './evidence.ts';
import { pageText } from './folded-captures.ts';
import { type PageRole, roleFits } from './page-role.ts';
import { met } from './result.ts';
import { snippetAround } from './snippet.ts';

export interface BodyTextOptions {
  /** Distinct topic terms a page's text must hold ("sensors" and "artificial intelligence": 2). */
  minTerms: number;
  /** @default 0.6 */
  confidence?: number;
  /** Narrower concepts for body text than for links and headings (default: the rule's concepts). */
  concepts?: readonly Concept[];
}

/**
 * A page's own prose: its visible text with the texts of its links blanked out. A link names another
 * page ("Download the organisation chart (PDF)"), which may not exist: it is judged as a link, by its
 * target. Blanked to spaces of the same length, so a match's place in the prose is its place in the
 * page's text, where the evidence snippet is cut (in the page's own words, links included).
 */
const proseText = memoizePerCapture((page: PageCapture): { text: string; folded: FoldedText } => {
  let text = page.text;
  for (const link of page.links) if (link.text) text = text.replace(link.text, ' '.repeat(link.text.length));
  return { text, folded: text === page.text ? pageText(page) : FoldedText.of(text) };
});

/**
 * The evidence snippet around a match in the prose, cut from the page's own text (the folded prose
 * is mapped back; should the two foldings ever disagree, the folded prose is shown instead).
 */
function proseSnippet(
  page: PageCapture,
  prose: { text: string; folded: FoldedText },
  match: ConceptMatch,
): string {
  const map = foldWithOrigins(prose.text);
  const range =
    map.folded === prose.folded.folded
      ? originalRange(map, match.index, match.index + match.term.length)
      : null;
  return range
    ? snippetAround(page.text, range[0], range[1] - range[0], 160)
    : snippetAround(prose.folded.folded, match.index, match.term.length, 160);
}

/**
 * Last resort for topics a portal presents inside a broader page (a "Smart Riverton" paragraph on
 * the environment page, an org chart figure): the topic's terms in the text of an inner page. The
 * home page (teasers), news and legal pages (mentions, see page-role.ts) and link texts do not count.
 */
export function judgeBodyText(
  topic: string,
  concepts: readonly Concept[],
  options: BodyTextOptions,
  site: SiteCaptures,
  pages: readonly PageCapture[],
  accepted: readonly PageRole[] = [],
): RuleResult | null {
  for (const page of pages) {
    if (page === site.home || !roleFits(page, site, accepted)) continue;
    const prose = proseText(page);
    const terms = new Set<string>();
    let first: ConceptMatch | null = null;
    for (const concept of options.concepts ?? concepts) {
      for (const m of prose.folded.findAll(concept, 20)) {
        terms.add(m.term);
        first ??= m;
      }
    }
    if (!first || terms.size < options.minTerms) continue;
    const named = [...terms].slice(0, 3).map((t) => `"${t}"`);
    return met(options.confidence ?? 0.6, `A page presents ${topic} in its text (${named.join(', ')}).`, [
      textEvidence(page, proseSnippet(page, prose, first), `text naming ${topic}`),
    ]);
  }
  return null;
}

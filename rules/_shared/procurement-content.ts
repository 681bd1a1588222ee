import type { PageCapture } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { textEvidence } from './evidence.ts';
import { snippetAround } from './snippet.ts';
import type { TopicContent } from './topic-detector.ts';

const TEMPLATE_REGIONS = new Set(['header', 'nav', 'footer']);
const MAX_HITS = 20;

/**
 * A page's text without the link texts of its header, navigation and footer: the menu names every
 * section ("Tenders") on every page, which says nothing about what this page lists.
 */
const contentText = memoizePerCapture((page: PageCapture): FoldedText => {
  let text = page.text;
  for (const link of page.links) {
    if (link.text && TEMPLATE_REGIONS.has(link.region)) text = text.replace(link.text, ' ');
  }
  return FoldedText.of(text);
});

/**
 * 220: procurement notices — tender words (bids, tender documents, contract notices) in the page's
 * own content, not outnumbered by funding-call words: a "public notices" page of grants and
 * scholarships is not procurement.
 */
export function procurementNotices(page: PageCapture): TopicContent | null {
  const text = contentText(page);
  const tenders = text.findAll('tenderNotice', MAX_HITS);
  if (tenders.length === 0) return null;
  if (text.findAll('fundingCall', MAX_HITS).length > tenders.length) return null;
  const first = tenders[0]!;
  const terms = [...new Set(tenders.map((t) => `"${t.term}"`))].slice(0, 3).join(', ');
  return {
    summary: `procurement notices (${terms})`,
    evidence: textEvidence(
      page,
      snippetAround(text.folded, first.index, first.term.length, 160),
      `tender wording in the page content: ${terms}`,
    ),
  };
}

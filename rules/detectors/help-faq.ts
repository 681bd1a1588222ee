import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

const CONCEPTS = ['faq', 'help'] as const;

/** Questions a FAQ block shows at least. */
const MIN_QUESTIONS = 2;
/** A question in any script: Latin "?", Arabic "؟", full-width "？"; Spanish opens with "¿". */
const QUESTION = /[?？؟]|^¿/;
const QUESTION_MARKS = /[?？؟]/g;

/** Questions the page shows: its headings that ask, or question marks in its text. */
function questionCount(page: PageCapture): number {
  const asking = page.headings.filter((h) => QUESTION.test(h.text)).length;
  return Math.max(asking, page.text.match(QUESTION_MARKS)?.length ?? 0);
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['help', 'faq'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const { matches, placeholders } = findConceptLinks(pages, CONCEPTS);

    const linkOnly: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const { page: target, ok, check } = linkTarget(site, m.link);
      const link = linkEvidence(m.page, m.link, `${m.concept} link (matched "${m.term}" in its ${m.via})`);
      if (ok && target) {
        const heading = headingMatch(target, CONCEPTS);
        if (heading) {
          return met(
            m.via === 'text' ? 0.85 : 0.75,
            `A ${heading.concept === 'faq' ? 'FAQ' : 'help'} page is linked: "${heading.text}".`,
            [
              link,
              elementEvidence(target, heading.selector, heading.text, `${heading.concept} page heading`),
            ],
          );
        }
        linkOnly.push(link, pageEvidence(target, 'linked page has no help or FAQ heading'));
      } else {
        linkOnly.push(link, ...(target ? [pageEvidence(target, check.why)] : []));
      }
    }

    // A help or FAQ section reached another way, or a FAQ block on a page (home included). "Help" headings
    // must be short: "Get help arranging child maintenance" is a service page, not a help section. A
    // FAQ block must show its questions: a "FAQ" heading over a "Read the FAQ" link that goes
    // nowhere is a teaser, and a home page's "Need help?" box is not a help section.
    for (const page of pages) {
      const faq = headingMatch(page, 'faq', 2, 8);
      const heading =
        (faq && questionCount(page) >= MIN_QUESTIONS ? faq : null) ??
        (page === home ? null : headingMatch(page, 'help', 2, 3));
      if (heading) {
        return met(
          0.7,
          `A ${heading.concept === 'faq' ? 'FAQ' : 'help'} section exists: "${heading.text}".`,
          [elementEvidence(page, heading.selector, heading.text, `${heading.concept} heading`)],
        );
      }
    }

    if (linkOnly.length > 0) {
      return needsReview(
        0.55,
        'A help or FAQ link exists but its page was not confirmed.',
        linkOnly.slice(0, 8),
      );
    }
    if (placeholders.length > 0) {
      return needsReview(
        0.35,
        'A help or FAQ link is shown but goes nowhere.',
        placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'link that goes nowhere')),
      );
    }
    return notMet(0.8, `No help or FAQ link or page found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for help and FAQ links'),
    ]);
  },
});

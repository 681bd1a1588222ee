import { defineDetector, type Evidence, foldText, type PageCapture } from '../../src/core/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { type PageRole, roleFits } from '../_shared/page-role.ts';
import { isOk, okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { conceptMatcher } from '../lexicons/index.ts';

/** The guide is about online services when its page speaks of them (or of signing in to use them). */
function aboutOnlineServices(page: PageCapture): string | null {
  const folded = foldText(`${page.title} ${page.headings.map((h) => h.text).join(' ')} ${page.text}`);
  for (const concept of ['service', 'login']) {
    const m = conceptMatcher(concept).findFolded(folded);
    if (m) return m.term;
  }
  return null;
}

/** Roles whose pages may be a guide besides sections: help and FAQ pages. */
const GUIDE_ROLES: readonly PageRole[] = ['faq'];

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['serviceGuide'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    // The portal and the external sites it links to (captured one hop), where e-services often live.
    const pages = [...okPortalPages(site), ...site.pages.filter((p) => p.site === 'external' && isOk(p))];
    const { matches, placeholders } = findConceptLinks(pages, 'serviceGuide');

    const weak: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const link = linkEvidence(m.page, m.link, `guide link (matched "${m.term}" in its ${m.via})`);
      const { page: target, ok, check } = linkTarget(site, m.link);
      if (!ok || !target) {
        weak.push(link, ...(target ? [pageEvidence(target, check.why)] : []));
        continue;
      }
      const heading = headingMatch(target, 'serviceGuide', 3);
      const online = aboutOnlineServices(target);
      // A news item about a new guide, or a legal page, is a mention; help and FAQ pages are guides.
      if (heading && online && roleFits(target, site, GUIDE_ROLES)) {
        return met(0.8, `A guide to using online services is linked: "${heading.text}".`, [
          link,
          elementEvidence(
            target,
            heading.selector,
            heading.text,
            `guide heading; the page speaks of "${online}"`,
          ),
        ]);
      }
      weak.push(
        link,
        pageEvidence(
          target,
          heading ? 'guide page, but not about online services' : 'linked page is not a guide',
        ),
      );
    }

    // A guide section reached another way, e.g. a "Step-by-step guides" block on the help page.
    for (const page of pages) {
      const heading = roleFits(page, site, GUIDE_ROLES) ? headingMatch(page, 'serviceGuide', 3, 8) : null;
      const online = heading ? aboutOnlineServices(page) : null;
      if (heading && online) {
        return met(0.7, `A guide to using online services exists: "${heading.text}".`, [
          elementEvidence(
            page,
            heading.selector,
            heading.text,
            `guide heading; the page speaks of "${online}"`,
          ),
        ]);
      }
      if (heading && weak.length < 8) {
        weak.push(
          elementEvidence(page, heading.selector, heading.text, 'guide heading, not about online services'),
        );
      }
    }

    if (weak.length > 0) {
      return needsReview(
        0.5,
        'A guide or tutorial was found but not confirmed as guidance on online services.',
        weak.slice(0, 8),
      );
    }
    if (placeholders.length > 0) {
      return needsReview(
        0.35,
        'A guide link is shown but goes nowhere.',
        placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'guide link that goes nowhere')),
      );
    }
    return notMet(0.7, `No guide or tutorial on using online services found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for guides and tutorials'),
    ]);
  },
});

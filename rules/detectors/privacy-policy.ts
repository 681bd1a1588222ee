import { defineDetector, type Evidence } from '../../src/core/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['privacy', 'legalNotice'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const { matches, placeholders } = findConceptLinks(pages, 'privacy');

    const linkOnly: Evidence[] = [];
    const broken: Evidence[] = [];
    for (const m of matches.slice(0, 6)) {
      const { page: target, ok, check } = linkTarget(site, m.link);
      const link = linkEvidence(m.page, m.link, `privacy link (matched "${m.term}" in its ${m.via})`);
      if (ok && target) {
        const heading = headingMatch(target, 'privacy');
        if (heading) {
          return met(m.via === 'text' ? 0.9 : 0.8, `A privacy policy page is linked: "${heading.text}".`, [
            link,
            elementEvidence(target, heading.selector, heading.text, 'privacy page heading'),
          ]);
        }
        linkOnly.push(link, pageEvidence(target, 'linked page has no privacy heading or title'));
      } else if (target) {
        broken.push(link, pageEvidence(target, check.why));
      } else {
        linkOnly.push(link);
      }
    }

    // A privacy page the crawler reached some other way (e.g. the XML sitemap).
    for (const page of pages) {
      if (page === home) continue;
      const heading = headingMatch(page, 'privacy', 1, 8);
      if (heading) {
        return met(0.75, `A privacy policy page exists: "${heading.text}".`, [
          elementEvidence(page, heading.selector, heading.text, 'privacy page heading'),
        ]);
      }
    }

    // A privacy section in the legal notice ("网站声明" › "隐私保护", "Legal notice" › "Personal data").
    for (const m of findConceptLinks(pages, 'legalNotice').matches.slice(0, 4)) {
      const { page: target, ok } = linkTarget(site, m.link);
      const section = ok && target ? headingMatch(target, 'privacy', 2, 8) : null;
      if (target && section) {
        return met(0.75, `The legal notice has a privacy section: "${section.text}".`, [
          linkEvidence(m.page, m.link, `legal notice link (matched "${m.term}" in its ${m.via})`),
          elementEvidence(target, section.selector, section.text, 'privacy section heading'),
        ]);
      }
    }

    const placeholderEvidence = placeholders.map((p) =>
      linkEvidence(p.page, p.link, 'privacy link that goes nowhere'),
    );
    if (linkOnly.length > 0) {
      return needsReview(0.55, 'A privacy link exists but its page was not confirmed as a privacy policy.', [
        ...linkOnly,
        ...broken,
        ...placeholderEvidence,
      ]);
    }
    if (broken.length > 0) {
      return placeholderEvidence.length > 0
        ? needsReview(0.4, 'The privacy link is broken and another privacy link goes nowhere.', [
            ...broken,
            ...placeholderEvidence,
          ])
        : notMet(0.75, 'The privacy link leads to a page that does not load.', broken);
    }
    if (placeholderEvidence.length > 0) {
      return needsReview(
        0.4,
        'A privacy link is shown but goes nowhere (placeholder href).',
        placeholderEvidence,
      );
    }
    return notMet(0.8, `No privacy policy link or page found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for privacy links'),
    ]);
  },
});

import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { headingMatch } from '../_shared/headings.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { linkUrlKey, okHome, okPortalPages, urlKey } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

const MANY_LINKS = 15;

function sameSiteHrefs(page: PageCapture, regions: readonly string[]): Set<string> {
  const hrefs = new Set<string>();
  for (const link of page.links) {
    if (link.placeholder || link.external || !/^https?:/i.test(link.href)) continue;
    if (regions.includes(link.region)) hrefs.add(linkUrlKey(link));
  }
  return hrefs;
}

/**
 * What a candidate site-map page lists: same-site links outside the page template (header, footer,
 * and a nav no bigger than the home page's menu), and how much of the home menu it covers.
 */
function measureListing(
  page: PageCapture,
  home: PageCapture,
): { listed: number; covered: number; menu: number; placeholders: number } {
  const listed = sameSiteHrefs(page, ['main', 'other', 'aside']);
  const pageNav = sameSiteHrefs(page, ['nav']);
  const homeMenu = sameSiteHrefs(home, ['nav', 'header']);
  homeMenu.delete(urlKey(home.finalUrl || home.url));
  // A site-map tree marked up as <nav> is bigger than the template's menu.
  if (pageNav.size > homeMenu.size + 5) for (const href of pageNav) listed.add(href);
  listed.delete(urlKey(page.finalUrl || page.url));
  const covered = [...homeMenu].filter((href) => listed.has(href)).length;
  const placeholders = page.links.filter(
    (l) => l.placeholder && ['main', 'other', 'aside'].includes(l.region),
  ).length;
  return { listed: listed.size, covered, menu: homeMenu.size, placeholders };
}

export default defineDetector({
  meta: {
    requires: ['pages', 'sitemap'],
    version: 1,
    hints: ['sitemap'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const found = findConceptLinks(pages, 'sitemap');
    const htmlLinks = found.matches.filter((m) => !/\.xml(\.gz)?$/i.test(new URL(m.link.href).pathname));

    const candidates: { page: PageCapture; via: Evidence }[] = [];
    const weak: Evidence[] = [];
    for (const m of htmlLinks.slice(0, 5)) {
      const target = linkTarget(site, m.link);
      const via = linkEvidence(m.page, m.link, `site-map link (matched "${m.term}" in its ${m.via})`);
      if (target.ok && target.page) candidates.push({ page: target.page, via });
      else weak.push(via, ...(target.page ? [pageEvidence(target.page, target.check.why)] : []));
    }
    for (const page of pages) {
      if (page === home || candidates.some((c) => c.page === page)) continue;
      const heading = headingMatch(page, 'sitemap', 1, 8);
      if (heading)
        candidates.push({
          page,
          via: elementEvidence(page, heading.selector, heading.text, 'site-map page heading'),
        });
    }

    for (const { page, via } of candidates) {
      const { listed, covered, menu, placeholders } = measureListing(page, home);
      const dead = placeholders > 0 ? ` (and ${placeholders} links that go nowhere)` : '';
      const summary = `lists ${listed} same-site links${dead}, covering ${covered} of the ${menu} home menu links`;
      if (listed >= MANY_LINKS || (menu >= 3 && covered / menu >= 0.8 && listed >= 5)) {
        return met(0.9, `An HTML site map ${summary}.`, [
          via,
          pageEvidence(page, `site-map page: ${summary}`),
        ]);
      }
      weak.push(via, pageEvidence(page, `candidate site-map page only ${summary}`));
    }
    if (weak.length > 0) {
      return needsReview(
        0.5,
        'A site-map link or page exists but it was not confirmed as a site map listing the pages.',
        weak,
      );
    }

    const xml = site.artifacts.sitemap?.xml.find((x) => x.urlCount > 0);
    if (xml) {
      return needsReview(
        0.5,
        `Only an XML sitemap for search engines (${site.artifacts.sitemap?.urlCount} URLs); no HTML site map for users.`,
        [
          {
            pageUrl: xml.url,
            kind: 'http',
            selector: 'urlset',
            snippet: `${xml.httpStatus ?? ''} ${xml.url}: ${xml.urlCount} URLs`,
            linkPath: [...home.linkPath, { url: xml.url, text: '' }],
            note: 'XML sitemap (robots.txt or /sitemap.xml)',
          },
        ],
      );
    }
    const placeholder = found.placeholders[0];
    if (placeholder) {
      return needsReview(0.35, 'A site-map link is shown but goes nowhere.', [
        linkEvidence(placeholder.page, placeholder.link, 'site-map link that goes nowhere'),
      ]);
    }
    return notMet(0.8, `No site map found: no site-map link in ${pages.length} page(s) and no XML sitemap.`, [
      pageEvidence(home, 'home page and every captured page searched for a site-map link'),
    ]);
  },
});

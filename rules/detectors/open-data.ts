import {
  type CapturedLink,
  defineDetector,
  type Evidence,
  type PageCapture,
  type SiteCaptures,
} from '../../src/core/index.ts';
import { linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { linkText } from '../_shared/folded-captures.ts';
import { checkLinkTarget, targetFailed } from '../_shared/link-target.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { linkIsOpenDataPortal, linkOpenFormat } from '../_shared/open-data.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

interface DataLink {
  page: PageCapture;
  link: CapturedLink;
  what: string;
}

/** Dataset files and open-data portals linked from the pages, unless their target is known to fail. */
function dataLinks(
  site: SiteCaptures,
  pages: readonly PageCapture[],
): { files: DataLink[]; portals: DataLink[] } {
  const files: DataLink[] = [];
  const portals: DataLink[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    for (const link of page.links) {
      if (link.placeholder || seen.has(link.href)) continue;
      if ((linkOpenFormat(link) || linkIsOpenDataPortal(link, true)) && targetFailed(site, link)) continue;
      const format = linkOpenFormat(link);
      if (format) {
        seen.add(link.href);
        files.push({ page, link, what: `${format.toUpperCase()} file` });
      } else if (linkIsOpenDataPortal(link, linkText(link).find('openData') !== null)) {
        seen.add(link.href);
        portals.push({ page, link, what: 'open-data portal' });
      }
    }
  }
  return { files, portals };
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 2,
    hints: ['openData'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const lexicon = findConceptLinks(pages, 'openData');
    // Open-data pages the lexicon points to, including external ones captured one hop away.
    const targets = lexicon.matches
      .slice(0, 6)
      .map((m) => ({ m, ...linkTarget(site, m.link) }))
      .filter((t) => t.ok && t.page && !pages.includes(t.page))
      .map((t) => t.page!);
    const { files, portals } = dataLinks(site, [...pages, ...targets]);

    const intro = (page: PageCapture): Evidence[] => {
      const via = lexicon.matches.find((m) => linkTarget(site, m.link).page === page);
      return via ? [linkEvidence(via.page, via.link, 'open-data link leading to this page')] : [];
    };
    if (files.length > 0 || portals.length > 0) {
      const shown = [...files.slice(0, 4), ...portals.slice(0, 2)];
      const evidence = [...intro(shown[0]!.page), ...shown.map((d) => linkEvidence(d.page, d.link, d.what))];
      const parts = [
        ...(files.length
          ? [
              `${files.length} dataset file(s) in open formats (${[...new Set(files.map((f) => f.what.split(' ')[0]))].join(', ')})`,
            ]
          : []),
        ...(portals.length ? [`${portals.length} link(s) to an open-data portal`] : []),
      ];
      return met(files.length > 0 ? 0.9 : 0.8, `Open data found: ${parts.join(' and ')}.`, evidence);
    }

    if (lexicon.matches.length > 0) {
      const evidence = lexicon.matches.slice(0, 4).flatMap((m) => {
        const { page } = linkTarget(site, m.link);
        return [
          linkEvidence(m.page, m.link, `open-data link (matched "${m.term}" in its ${m.via})`),
          ...(page
            ? [
                pageEvidence(
                  page,
                  page.status === 'ok'
                    ? 'linked page lists no dataset files'
                    : checkLinkTarget(site, m.link).why,
                ),
              ]
            : []),
        ];
      });
      return needsReview(
        0.5,
        'An open-data link exists but no dataset in an open format was seen.',
        evidence,
      );
    }
    if (lexicon.placeholders.length > 0) {
      return needsReview(
        0.35,
        'An open-data link is shown but goes nowhere.',
        lexicon.placeholders.slice(0, 3).map((p) => linkEvidence(p.page, p.link, 'link that goes nowhere')),
      );
    }
    return notMet(0.75, `No open-data link or dataset file found in ${pages.length} page(s).`, [
      pageEvidence(home, 'home page and every captured page searched for open-data links and dataset files'),
    ]);
  },
});

import { defineDetector, type Evidence } from '../../src/core/index.ts';
import { serviceSheet } from '../_shared/content-mechanisms.ts';
import { linkEvidence, pageEvidence } from '../_shared/evidence.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['serviceCatalogue', 'service'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const sheets = pages.flatMap((page) => {
      const sheet = serviceSheet(page);
      return sheet ? [{ page, sheet }] : [];
    });
    const catalogue = findConceptLinks(pages, 'serviceCatalogue', { external: false }).matches.find(
      (m) => linkTarget(site, m.link).ok,
    );
    const catalogueEvidence: Evidence[] = catalogue
      ? [
          linkEvidence(
            catalogue.page,
            catalogue.link,
            `link to the list of services (matched "${catalogue.term}")`,
          ),
        ]
      : [];
    const sheetEvidence = sheets.slice(0, 3).map((s) => s.sheet.evidence);
    if (sheets.length >= 2 || (sheets.length === 1 && catalogue)) {
      return met(
        sheets.length >= 2 && catalogue ? 0.85 : 0.75,
        `${sheets.length} service page(s) describe documents, cost, time or process${catalogue ? `, under "${catalogue.link.text}"` : ''}.`,
        [...catalogueEvidence, ...sheetEvidence],
      );
    }
    if (sheets.length === 1 || catalogue) {
      return needsReview(
        0.5,
        sheets.length === 1
          ? 'One service page gives its documents, cost and time; no list of services was confirmed.'
          : 'A list of services is linked but no service page gives documents, cost and time.',
        [...catalogueEvidence, ...sheetEvidence],
      );
    }
    return notMet(0.75, `No list of services or detailed service page found in ${pages.length} page(s).`, [
      pageEvidence(home, 'every captured page checked for service sheets'),
    ]);
  },
});

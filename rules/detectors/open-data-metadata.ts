import { defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { captureDate } from '../_shared/content-dates.ts';
import { findDates } from '../_shared/dates.ts';
import { linkEvidence, pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { foldedPageText, pageText } from '../_shared/folded-captures.ts';
import { findConceptLinks } from '../_shared/links.ts';
import { isOpenDataPortalUrl, linkOpenFormat } from '../_shared/open-data.ts';
import { isOk, okHome, okPortalPages, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';

const FACETS = {
  date: 'datasetDate',
  author: 'datasetAuthor',
  licence: 'datasetLicense',
  format: 'datasetFormat',
  description: 'datasetDescriptors',
} as const;
type Facet = keyof typeof FACETS;
/** A date label counts when a date (a digit) follows it closely: "Last updated: 3 March 2024". */
const DATE_VALUE_WITHIN = 40;

interface DatasetPage {
  page: PageCapture;
  files: number;
}

/** Pages that offer datasets: downloads in open formats, or a dataset page of an open-data portal. */
function datasetPages(pages: readonly PageCapture[]): DatasetPage[] {
  const out: DatasetPage[] = [];
  for (const page of pages) {
    const files = page.links.filter((l) => !l.placeholder && linkOpenFormat(l) !== null).length;
    if (files > 0 || (page.site === 'external' && isOpenDataPortalUrl(pageUrlOf(page), true))) {
      out.push({ page, files });
    }
  }
  return out;
}

/** A format named in the text ("CSV", "(JSON)"): the listing states each file's format. */
const FORMAT_NAME = /\b(csv|tsv|json|geojson|xml|xlsx?|ods|kml|shp|rdf)\b/;

function facetsOf(page: PageCapture): Map<Facet, { index: number; term: string }> {
  const folded = foldedPageText(page);
  // A table puts the "Updated" header far from its values: any full date on the page will do.
  const datedPage = findDates(page.text, captureDate(page), 5).some((d) => !d.yearInferred);
  const found = new Map<Facet, { index: number; term: string }>();
  for (const [facet, concept] of Object.entries(FACETS) as [Facet, string][]) {
    for (const m of pageText(page).findAll(concept, 20)) {
      const after = folded.slice(m.index + m.term.length, m.index + m.term.length + DATE_VALUE_WITHIN);
      if (facet === 'date' && !datedPage && !/\d/.test(after)) continue;
      found.set(facet, m);
      break;
    }
  }
  const format = FORMAT_NAME.exec(folded);
  if (!found.has('format') && format) found.set('format', { index: format.index, term: format[0] });
  return found;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['openData'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const external = site.pages.filter((p) => p.site === 'external' && isOk(p));
    const datasets = datasetPages([...pages, ...external]);

    const partial: Evidence[] = [];
    const scored = datasets
      .map((d) => ({ ...d, facets: facetsOf(d.page) }))
      .sort((a, b) => b.facets.size - a.facets.size);
    for (const { page, files, facets } of scored) {
      const names = [...facets.keys()];
      const first = [...facets.values()].sort((a, b) => a.index - b.index)[0];
      const shown = foldedPageText(page).length === page.text.length ? page.text : foldedPageText(page);
      const snippet = first ? snippetAround(shown, first.index, 200, 40) : page.title;
      const what = `${files > 0 ? `${files} dataset file(s); ` : ''}metadata fields: ${names.join(', ') || 'none'}`;
      if (facets.has('date') && names.length >= 3) {
        return met(0.8, `A dataset page shows metadata (${names.join(', ')}).`, [
          textEvidence(page, snippet, what),
        ]);
      }
      if (partial.length < 6)
        partial.push(textEvidence(page, snippet || pageUrlOf(page), `incomplete: ${what}`));
    }
    if (partial.length > 0) {
      return needsReview(
        0.45,
        'Datasets were found, but no dataset page showed a date with other metadata (author, licence, format, description).',
        partial,
      );
    }
    const links = findConceptLinks(pages, 'openData').matches;
    if (links.length > 0) {
      return needsReview(
        0.35,
        'An open-data link exists, but no dataset page was captured to check its metadata.',
        links.slice(0, 4).map((m) => linkEvidence(m.page, m.link, 'open-data link')),
      );
    }
    return notMet(0.75, `No open datasets found in ${pages.length} page(s), so no metadata either.`, [
      pageEvidence(home, 'home page and every captured page searched for datasets and open-data links'),
    ]);
  },
});

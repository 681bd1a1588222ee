import {
  type CapturedForm,
  defineDetector,
  type Evidence,
  type PageCapture,
  type SearchProbeArtifact,
} from '../../src/core/index.ts';
import { describeForm, elementEvidence, formEvidence, linkEvidence } from '../_shared/evidence.ts';
import { findConceptLinks, linkTarget } from '../_shared/links.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { searchForms } from '../_shared/search-forms.ts';
import { clip } from '../_shared/snippet.ts';

const DATE_TYPES = new Set(['date', 'datetime-local', 'month', 'week']);
const CHOICE_TYPES = new Set(['checkbox', 'radio']);
const TEXT_TYPES = new Set(['text', 'search', '']);
/** Query parameters that page through results rather than refine them. */
const PAGING = /^(page|p|pg|paged|start|offset|from|pagina|seite|pagenum|page_num|n)$/i;

/**
 * A form that refines a search: a choice list, a date, several checkboxes or radio buttons, or
 * several text fields (all words / exact phrase / excluded words). One text box is a plain search.
 */
export function refiningControls(form: CapturedForm): string | null {
  const fields = form.fields.filter((f) => f.type !== 'hidden' && f.tag !== 'button');
  const selects = fields.filter((f) => f.tag === 'select');
  const dates = fields.filter((f) => DATE_TYPES.has(f.type));
  const choices = fields.filter((f) => CHOICE_TYPES.has(f.type));
  const texts = fields.filter((f) => f.tag === 'input' && TEXT_TYPES.has(f.type));
  const parts = [
    ...(selects.length ? [`${selects.length} choice list(s)`] : []),
    ...(dates.length ? [`${dates.length} date field(s)`] : []),
    ...(choices.length >= 2 ? [`${choices.length} checkboxes/options`] : []),
    ...(texts.length >= 2 ? [`${texts.length} text fields`] : []),
  ];
  return parts.length ? parts.join(', ') : null;
}

/** Content links that re-run the query with another parameter (a facet or sort order), not a page number. */
function facetLinks(probe: SearchProbeArtifact): { text: string; href: string }[] {
  const links = probe.real.refinements?.queryLinks ?? [];
  return links.filter((link) => {
    try {
      const names = [...new URL(link.href).searchParams.keys()];
      return names.some((name) => name !== probe.inputName && !PAGING.test(name));
    } catch {
      return false;
    }
  });
}

function probeEvidence(
  home: PageCapture,
  probe: SearchProbeArtifact,
  snippet: string,
  note: string,
): Evidence {
  return {
    pageUrl: probe.real.resultsUrl,
    kind: 'form',
    selector: 'form',
    snippet: clip(snippet),
    linkPath: [...home.linkPath, { url: probe.real.resultsUrl, text: `search: ${probe.real.query}` }],
    ...(probe.real.screenshot ? { screenshot: probe.real.screenshot } : {}),
    note,
  };
}

export default defineDetector({
  meta: {
    requires: ['pages', 'searchProbe'],
    version: 1,
    hints: ['advancedSearch'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site);
    const probe = site.artifacts.searchProbe;

    if (probe?.real.status === 'ok' && probe.real.refinements) {
      for (const form of probe.real.refinements.forms) {
        const controls = refiningControls(form);
        if (controls) {
          return met(0.85, `The search results page offers filters: ${controls}.`, [
            probeEvidence(
              home,
              probe,
              describeForm(form),
              `results page for "${probe.real.query}": refining form`,
            ),
          ]);
        }
      }
      const facets = facetLinks(probe);
      if (facets.length >= 2) {
        const listed = facets
          .slice(0, 5)
          .map((f) => `"${f.text}" → ${f.href}`)
          .join('; ');
        return met(
          0.8,
          `The search results page offers ${facets.length} refinement links (facets or sorting).`,
          [
            probeEvidence(
              home,
              probe,
              listed,
              `results page for "${probe.real.query}": links that refine the query`,
            ),
          ],
        );
      }
    }

    // An advanced-search page, or a site search form that already has options.
    const { matches } = findConceptLinks(pages, 'advancedSearch');
    const weak: Evidence[] = [];
    for (const m of matches.slice(0, 4)) {
      const link = linkEvidence(m.page, m.link, `advanced-search link (matched "${m.term}")`);
      const { page: target, ok } = linkTarget(site, m.link);
      const form = ok && target ? target.forms.find((f) => refiningControls(f) !== null) : undefined;
      if (form && target) {
        return met(0.8, `An advanced-search page offers ${refiningControls(form)}.`, [
          link,
          formEvidence(target, form, 'advanced-search form'),
        ]);
      }
      weak.push(link);
    }
    for (const page of pages) {
      const form = searchForms(page).find((f) => refiningControls(f) !== null);
      if (form) {
        return met(0.75, `The search form offers options: ${refiningControls(form)}.`, [
          formEvidence(page, form, 'search form with options'),
        ]);
      }
    }
    if (weak.length > 0) {
      return needsReview(
        0.5,
        'An advanced-search link exists but no search options were seen behind it.',
        weak,
      );
    }

    if (probe && probe.real.status === 'ok' && probe.real.refinements) {
      return notMet(
        0.75,
        `The search results page for "${probe.real.query}" offers no filters or refinements.`,
        [
          probeEvidence(
            home,
            probe,
            `${probe.real.refinements.forms.length} form(s) in the content, ${probe.real.refinements.queryLinks.length} link(s) repeating the query, none refining it`,
            'results page checked for filters, facets and sorting',
          ),
        ],
      );
    }
    const form = searchForms(home)[0];
    if (form) {
      return needsReview(
        0.4,
        probe
          ? `A search form exists but its results page could not be checked for filters (${probe.real.status}).`
          : 'A search form exists but no test search was run to check its results page for filters.',
        [formEvidence(home, form, 'search form')],
      );
    }
    return notMet(0.85, 'There is no search on the home page, so no advanced search.', [
      elementEvidence(
        home,
        'form',
        `${home.forms.length} form(s) on the home page, none a search form`,
        'home page checked for a search form',
      ),
    ]);
  },
});

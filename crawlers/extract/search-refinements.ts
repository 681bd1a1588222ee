import { foldText, type Region, type SearchRefinements } from '../../src/core/index.ts';
import type { PageExtract } from './extract-page.ts';

const MAX_FORMS = 5;
const MAX_QUERY_LINKS = 20;
/** The page template: forms and links there are the same on every page (site search, language menu). */
const TEMPLATE_REGIONS: readonly Region[] = ['header', 'nav', 'footer'];
const NOT_FILLED = new Set(['hidden', 'submit', 'reset', 'image', 'button']);

function carriesQuery(href: string, foldedQuery: string): boolean {
  try {
    const u = new URL(href);
    return [...u.searchParams.values()].some((value) => foldText(value).includes(foldedQuery));
  } catch {
    return false;
  }
}

/**
 * What a results page offers to refine the search (see SearchRefinements): its forms outside the
 * template with a field a person fills in, and content links that carry the query word again.
 */
export function searchRefinements(page: PageExtract, query: string): SearchRefinements {
  const forms = page.forms
    .filter((form) => !TEMPLATE_REGIONS.includes(form.region))
    .filter((form) => form.fields.some((field) => field.tag !== 'button' && !NOT_FILLED.has(field.type)))
    .slice(0, MAX_FORMS);
  const foldedQuery = foldText(query);
  const queryLinks = foldedQuery
    ? page.links
        .filter(
          (link) =>
            !link.placeholder &&
            !link.external &&
            !TEMPLATE_REGIONS.includes(link.region) &&
            carriesQuery(link.href, foldedQuery),
        )
        .slice(0, MAX_QUERY_LINKS)
        .map((link) => ({ text: link.text, href: link.href, region: link.region }))
    : [];
  return { forms, queryLinks };
}

import type { CapturedForm, PageCapture } from '../../src/core/index.ts';
import { conceptMatcher } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';

const SEARCH_FIELD_NAMES =
  /^(q|s|k|kw|query|search|keys|keyword|keywords|term|terms|text|searchtext|search_api_fulltext|buscar|busqueda|recherche|texte|pesquisa|ricerca|cerca|wd)$/i;
const TEXT_TYPES = new Set(['text', 'search', '']);

function visibleTextInputs(form: CapturedForm) {
  return form.fields.filter((f) => f.tag === 'input' && TEXT_TYPES.has(f.type));
}

/**
 * Search forms of a page: those the extractor marked (role=search, <search>, input[type=search]),
 * else GET forms with one text input whose name, label, submit text or action says "search".
 * Computed once per page; do not mutate the list.
 */
export const searchForms: (page: PageCapture) => readonly CapturedForm[] = memoizePerCapture(
  (page: PageCapture) => page.forms.filter(isSearchForm),
);

function isSearchForm(form: CapturedForm): boolean {
  if (form.isSearch) return true;
  if (form.method !== 'get') return false;
  const inputs = visibleTextInputs(form);
  if (inputs.length !== 1) return false;
  const input = inputs[0]!;
  const search = conceptMatcher('search');
  return (
    SEARCH_FIELD_NAMES.test(input.name) ||
    search.test(input.label) ||
    search.test(form.submitText) ||
    (form.action !== '' && search.test(form.action.replace(/[/_\-.?=&]+/g, ' ')))
  );
}

import type { CapturedForm, PageCapture } from '../../src/core/index.ts';
import { conceptMatcher } from '../lexicons/index.ts';

const SEARCH_FIELD_NAMES =
  /^(q|s|k|kw|query|search|keys|keyword|keywords|term|terms|text|searchtext|search_api_fulltext|buscar|busqueda|recherche|texte|pesquisa|ricerca|cerca|wd)$/i;
const TEXT_TYPES = new Set(['text', 'search', '']);

function visibleTextInputs(form: CapturedForm) {
  return form.fields.filter((f) => f.tag === 'input' && TEXT_TYPES.has(f.type));
}

/**
 * Search forms of a page: those the extractor marked (role=search, <search>, input[type=search]),
 * else GET forms with one text input whose name, label, submit text or action says "search".
 */
export function searchForms(page: PageCapture): CapturedForm[] {
  const search = conceptMatcher('search');
  return page.forms.filter((form) => {
    if (form.isSearch) return true;
    if (form.method !== 'get') return false;
    const inputs = visibleTextInputs(form);
    if (inputs.length !== 1) return false;
    const input = inputs[0]!;
    return (
      SEARCH_FIELD_NAMES.test(input.name) ||
      search.test(input.label) ||
      search.test(form.submitText) ||
      (form.action !== '' && search.test(form.action.replace(/[/_\-.?=&]+/g, ' ')))
    );
  });
}

import type { Element } from 'domhandler';
import { type CapturedForm, type FormField, foldText } from '../../src/core/index.ts';
import { loadHtml } from '../extract/parse-html.ts';
import { STOPWORDS } from './stopwords.ts';

/** A word that no portal should find: tells a working search from a page that echoes the query. */
export const NONSENSE_QUERY = 'zqxwvkjh';

const SEARCH_INPUT_NAME =
  /^(q|s|k|qs|qt|query|search|search_?api_?fulltext|searchterm|searchtext|search_?query|keys?|keywords?|kw|term|terms|text|buscar|busca|busqueda|recherche|rechercher|cerca|ricerca|pesquisa|suche|zoek|words?)$/i;
const TEXT_TYPES = new Set(['text', 'search', '']);

export interface SearchFormChoice {
  form: CapturedForm;
  input: FormField;
  formSelector: string;
  inputSelector: string;
}

function textInputs(form: CapturedForm): FormField[] {
  return form.fields.filter((f) => f.tag === 'input' && TEXT_TYPES.has(f.type));
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function inputSelectorFor(formSelector: string, input: FormField): string {
  if (input.name) return `${formSelector} input[name="${cssString(input.name)}"]`;
  if (input.id) return `${formSelector} input[id="${cssString(input.id)}"]`;
  return `${formSelector} input[type="${cssString(input.type || 'text')}"]`;
}

/**
 * The site search form of a page: a form marked as search (role=search, <search>, input[type=search])
 * with a text input, else a GET form whose only visible text input is named like a query (q, s, search…).
 */
export function findSearchForm(forms: CapturedForm[]): SearchFormChoice | null {
  const choose = (form: CapturedForm, input: FormField): SearchFormChoice => ({
    form,
    input,
    formSelector: form.selector,
    inputSelector: inputSelectorFor(form.selector, input),
  });
  for (const form of forms) {
    if (!form.isSearch || form.method === 'dialog') continue;
    const inputs = textInputs(form);
    const input =
      inputs.find((f) => f.type === 'search') ??
      inputs.find((f) => SEARCH_INPUT_NAME.test(f.name)) ??
      inputs[0];
    if (input) return choose(form, input);
  }
  for (const form of forms) {
    if (form.method !== 'get') continue;
    const inputs = textInputs(form);
    const only = inputs[0];
    if (inputs.length === 1 && only && SEARCH_INPUT_NAME.test(only.name)) return choose(form, only);
  }
  return null;
}

/** The most frequent word of five letters or more in the text that is not a stopword. */
export function pickQueryWord(text: string): string | null {
  const counts = new Map<string, { count: number; first: number }>();
  let i = 0;
  for (const match of text.matchAll(/\p{L}{5,}/gu)) {
    const word = match[0].toLowerCase();
    if (STOPWORDS.has(foldText(word))) continue;
    const seen = counts.get(word);
    if (seen) seen.count++;
    else counts.set(word, { count: 1, first: i++ });
  }
  let best: string | null = null;
  let bestStat = { count: 0, first: Number.POSITIVE_INFINITY };
  for (const [word, stat] of counts) {
    if (stat.count > bestStat.count || (stat.count === bestStat.count && stat.first < bestStat.first)) {
      best = word;
      bestStat = stat;
    }
  }
  return best;
}

export interface FormSubmission {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

/**
 * How a browser would submit the form with `query` typed in: the action (or the page itself),
 * the form's hidden and preset fields read from the HTML, GET as a query string, POST urlencoded.
 */
export function buildSubmission(
  html: string,
  pageUrl: string,
  choice: SearchFormChoice,
  query: string,
): FormSubmission {
  const $ = loadHtml(html);
  const params = new URLSearchParams();
  const $form = $(choice.formSelector).first();
  $form.find('input[name], select[name], textarea[name]').each((_, node) => {
    const el = node as Element;
    const name = el.attribs.name ?? '';
    if (name === choice.input.name) return;
    if (el.attribs.disabled !== undefined) return;
    const type = (el.attribs.type ?? 'text').toLowerCase();
    if (el.name === 'select') {
      const option = $(el).find('option[selected]').first().length
        ? $(el).find('option[selected]').first()
        : $(el).find('option').first();
      if (option.length) params.append(name, option.attr('value') ?? option.text());
    } else if (type === 'checkbox' || type === 'radio') {
      if (el.attribs.checked !== undefined) params.append(name, el.attribs.value ?? 'on');
    } else if (!['submit', 'button', 'image', 'reset', 'file'].includes(type)) {
      params.append(name, el.attribs.value ?? (el.name === 'textarea' ? $(el).text() : ''));
    }
  });
  if (choice.input.name) params.append(choice.input.name, query);
  const submit = $form
    .find('button[name]:not([type="button" i]):not([type="reset" i]), input[type="submit" i][name]')
    .first();
  if (submit.length) params.append(submit.attr('name') ?? '', submit.attr('value') ?? '');

  const action = new URL(choice.form.action || pageUrl);
  action.hash = '';
  if (choice.form.method === 'post') return { url: action.href, method: 'POST', body: params.toString() };
  action.search = params.toString();
  return { url: action.href, method: 'GET' };
}

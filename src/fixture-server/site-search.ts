import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { collapseWhitespace, foldText } from '../core/index.ts';

/**
 * The dynamic search endpoint of a fixture portal. `results` works like a small site search (pages
 * whose visible text holds every query word, accent- and case-insensitive); `echo` is the trap some
 * real portals set: it repeats the query and never lists anything.
 */
export const SEARCH_MODES = ['results', 'echo'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchOptions {
  /** Path of the results page, e.g. `/search`. */
  path: string;
  /** Query-string parameter holding the query, e.g. `q`. */
  param: string;
  mode: SearchMode;
}

interface IndexedPage {
  path: string;
  title: string;
  text: string;
  /** Folded title and text: what the query is matched against. */
  searchable: string;
  /** Folded text alone, aligned with `text` for snippets. */
  folded: string;
}

const MAX_RESULTS = 20;
/** Languages written right to left: their results page says so. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);
const SNIPPET_RADIUS = 90;

export class SiteSearch {
  private index: Promise<IndexedPage[]> | null = null;

  constructor(
    private readonly root: string,
    private readonly options: SearchOptions,
    private readonly language: string,
  ) {}

  /** Renders the results page for a raw query-string value. */
  async render(query: string): Promise<string> {
    const strings = stringsFor(this.language);
    const q = collapseWhitespace(query);
    if (q === '') return this.page(q, `<p>${escapeHtml(strings.empty)}</p>`);
    if (this.options.mode === 'echo') {
      return this.page(q, `<p>${escapeHtml(strings.echo)} <strong>${escapeHtml(q)}</strong></p>`);
    }
    const hits = await this.search(q);
    if (hits.length === 0) {
      return this.page(q, `<p>${escapeHtml(strings.none)} <strong>${escapeHtml(q)}</strong></p>`);
    }
    const items = hits
      .map(
        (hit) =>
          `<li><a href="${escapeHtml(hit.path)}">${escapeHtml(hit.title || hit.path)}</a>` +
          `<p>${escapeHtml(hit.snippet)}</p></li>`,
      )
      .join('\n');
    const count = `${hits.length} ${hits.length === 1 ? strings.one : strings.many}`;
    return this.page(
      q,
      `<p>${escapeHtml(count)} <strong>${escapeHtml(q)}</strong></p>\n<ol>\n${items}\n</ol>`,
    );
  }

  async search(query: string): Promise<{ path: string; title: string; snippet: string }[]> {
    const words = foldText(query).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const pages = await this.pages();
    return pages
      .map((page) => ({ page, count: occurrences(page.searchable, words) }))
      .filter(({ count }) => count > 0)
      .sort((a, b) => b.count - a.count || a.page.path.localeCompare(b.page.path))
      .slice(0, MAX_RESULTS)
      .map(({ page }) => ({ path: page.path, title: page.title, snippet: snippetAround(page, words[0]!) }));
  }

  private pages(): Promise<IndexedPage[]> {
    this.index ??= buildIndex(this.root);
    return this.index;
  }

  private page(query: string, body: string): string {
    const strings = stringsFor(this.language);
    const action = escapeHtml(this.options.path);
    const param = escapeHtml(this.options.param);
    return `<!DOCTYPE html>
<html lang="${escapeHtml(this.language)}"${RTL_LANGUAGES.has(this.language.slice(0, 2)) ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(strings.title)}${query ? ` – ${escapeHtml(query)}` : ''}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1a1a1a}a{color:#0b4f8a}li{margin-bottom:1rem}</style>
</head>
<body>
<header><a href="/">${escapeHtml(strings.home)}</a></header>
<main>
<h1>${escapeHtml(strings.title)}</h1>
<form role="search" action="${action}" method="get">
<label for="search-q">${escapeHtml(strings.label)}</label>
<input type="search" id="search-q" name="${param}" value="${escapeHtml(query)}">
<button type="submit">${escapeHtml(strings.submit)}</button>
</form>
${body}
</main>
</body>
</html>
`;
  }
}

function occurrences(folded: string, words: string[]): number {
  let total = 0;
  for (const word of words) {
    let count = 0;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) count++;
    if (count === 0) return 0;
    total += count;
  }
  return total;
}

function snippetAround(page: IndexedPage, word: string): string {
  // foldText keeps one character per base letter for Latin text, so offsets line up closely enough.
  const at = Math.max(0, page.folded.indexOf(word));
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(page.text.length, at + word.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${page.text.slice(start, end).trim()}${end < page.text.length ? '…' : ''}`;
}

async function buildIndex(root: string): Promise<IndexedPage[]> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html')
    .map((entry) => join(entry.parentPath, entry.name));
  const pages: IndexedPage[] = [];
  for (const file of files.sort()) {
    const rel = relative(root, file).split(sep).join('/');
    if (rel.split('/').some((segment) => segment.startsWith('.'))) continue;
    const $ = cheerio.load(await readFile(file, 'utf8'));
    $('script, style, noscript, template, [hidden], [aria-hidden="true"]').remove();
    const text = collapseWhitespace($('body').text());
    const title = collapseWhitespace($('title').first().text());
    const path = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const folded = foldText(text);
    pages.push({ path, title, text, searchable: `${foldText(title)} ${folded}`, folded });
  }
  return pages;
}

interface SearchStrings {
  title: string;
  home: string;
  label: string;
  submit: string;
  empty: string;
  echo: string;
  none: string;
  one: string;
  many: string;
}

const STRINGS: Record<string, SearchStrings> = {
  en: {
    title: 'Search results',
    home: 'Home',
    label: 'Search this site',
    submit: 'Search',
    empty: 'Enter a word to search for.',
    echo: 'You searched for:',
    none: 'No results found for',
    one: 'result for',
    many: 'results for',
  },
  fr: {
    title: 'Résultats de recherche',
    home: 'Accueil',
    label: 'Rechercher sur le site',
    submit: 'Rechercher',
    empty: 'Saisissez un mot à rechercher.',
    echo: 'Vous avez recherché :',
    none: 'Aucun résultat pour',
    one: 'résultat pour',
    many: 'résultats pour',
  },
  es: {
    title: 'Resultados de la búsqueda',
    home: 'Inicio',
    label: 'Buscar en el sitio',
    submit: 'Buscar',
    empty: 'Escriba una palabra para buscar.',
    echo: 'Usted buscó:',
    none: 'No se encontraron resultados para',
    one: 'resultado para',
    many: 'resultados para',
  },
  pt: {
    title: 'Resultados da pesquisa',
    home: 'Início',
    label: 'Pesquisar no sítio',
    submit: 'Pesquisar',
    empty: 'Escreva uma palavra para pesquisar.',
    echo: 'Pesquisou:',
    none: 'Nenhum resultado para',
    one: 'resultado para',
    many: 'resultados para',
  },
  it: {
    title: 'Risultati della ricerca',
    home: 'Home',
    label: 'Cerca nel sito',
    submit: 'Cerca',
    empty: 'Inserisci una parola da cercare.',
    echo: 'Hai cercato:',
    none: 'Nessun risultato per',
    one: 'risultato per',
    many: 'risultati per',
  },
  ar: {
    title: 'نتائج البحث',
    home: 'الرئيسية',
    label: 'البحث في الموقع',
    submit: 'بحث',
    empty: 'أدخل كلمة للبحث عنها.',
    echo: 'بحثت عن:',
    none: 'لا توجد نتائج لـ',
    one: 'نتيجة لـ',
    many: 'نتائج لـ',
  },
  zh: {
    title: '搜索结果',
    home: '首页',
    label: '站内搜索',
    submit: '搜索',
    empty: '请输入关键词。',
    echo: '您搜索的是：',
    none: '没有找到相关结果：',
    one: '条结果：',
    many: '条结果：',
  },
  ru: {
    title: 'Результаты поиска',
    home: 'Главная',
    label: 'Поиск по сайту',
    submit: 'Найти',
    empty: 'Введите слово для поиска.',
    echo: 'Вы искали:',
    none: 'Ничего не найдено по запросу',
    one: 'результат по запросу',
    many: 'результатов по запросу',
  },
};

function stringsFor(language: string): SearchStrings {
  return STRINGS[language.toLowerCase().slice(0, 2)] ?? STRINGS.en!;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

import type * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import {
  type CapturedForm,
  type CapturedLink,
  collapseWhitespace,
  type FormField,
  type Heading,
  type PageCapture,
  type PageMeta,
} from '../../src/core/index.ts';
import { cssPath } from './css-path.ts';
import { detectLanguage } from './detect-language.ts';
import { imageAlts, readableText, textOf } from './dom-text.ts';
import { loadHtml } from './parse-html.ts';
import { regionOf } from './regions.ts';

export type PageExtract = Pick<
  PageCapture,
  'title' | 'text' | 'lang' | 'headings' | 'links' | 'forms' | 'meta' | 'embeds'
>;

export interface ExtractOptions {
  /** Decides whether a URL belongs to the portal (registrable domain). */
  isSameSite: (url: string) => boolean;
  /** Visible text measured by a browser (innerText); when absent it is computed from the HTML. */
  visibleText?: string;
}

export const MAX_TEXT = 32_000;
const MAX_LINKS = 1500;
const MAX_HEADINGS = 200;
const MAX_FORMS = 50;
const MAX_LABEL = 200;
const MAX_OPTIONS = 30;

/** Parses one HTML document into the page-capture fields that do not depend on the network. */
export function extractPage(html: string, pageUrl: string, options: ExtractOptions): PageExtract {
  const $ = loadHtml(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = resolveUrl(baseHref ?? '', pageUrl) ?? pageUrl;
  const idCounts = countIds($);

  const meta = extractMeta($, base);
  const text = (options.visibleText ?? visibleText($)).slice(0, MAX_TEXT);
  return {
    title: collapseWhitespace($('title').first().text()).slice(0, 500),
    text,
    lang: { declared: meta.htmlLang, detected: detectLanguage(text) },
    headings: extractHeadings($),
    links: extractLinks($, base, options, idCounts),
    forms: extractForms($, base, idCounts),
    meta,
    embeds: extractEmbeds($, base, options),
  };
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

function countIds($: cheerio.CheerioAPI): Map<string, number> {
  const counts = new Map<string, number>();
  $('[id]').each((_, el) => {
    const id = (el as Element).attribs.id ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}

function visibleText($: cheerio.CheerioAPI): string {
  // cheerio.load always wraps fragments in <html><body>.
  const body = $('body').get(0);
  return body ? collapseWhitespace(readableText(body)) : '';
}

function extractMeta($: cheerio.CheerioAPI, base: string): PageMeta {
  const htmlLang = $('html').attr('lang') ?? $('html').attr('xml:lang') ?? null;
  const metaContent = (name: string) => $(`meta[name="${name}" i]`).first().attr('content')?.trim() ?? null;
  const hreflang: PageMeta['hreflang'] = [];
  $('link[rel~="alternate" i][hreflang]').each((_, el) => {
    const href = resolveUrl($(el).attr('href') ?? '', base);
    const lang = $(el).attr('hreflang')?.trim();
    if (href && lang) hreflang.push({ lang, href });
  });
  const feeds: PageMeta['feeds'] = [];
  $('link[rel~="alternate" i][type]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (!/rss|atom|feed\+json/.test(type)) return;
    const href = resolveUrl($(el).attr('href') ?? '', base);
    if (href) feeds.push({ type, href, title: $(el).attr('title') ?? '' });
  });
  const canonicalHref = $('link[rel~="canonical" i]').first().attr('href');
  return {
    htmlLang: htmlLang?.trim() || null,
    viewport: metaContent('viewport'),
    description: metaContent('description'),
    generator: metaContent('generator'),
    canonical: canonicalHref ? resolveUrl(canonicalHref, base) : null,
    hreflang,
    feeds,
  };
}

function extractHeadings($: cheerio.CheerioAPI): Heading[] {
  const headings: Heading[] = [];
  $('h1, h2, h3, h4, h5, h6').each((_, el) => {
    if (headings.length >= MAX_HEADINGS) return false;
    const text = collapseWhitespace($(el).text()).slice(0, MAX_LABEL);
    if (text) headings.push({ level: Number((el as Element).name.slice(1)), text });
  });
  return headings;
}

function linkText(el: Element): string {
  const text = collapseWhitespace(textOf(el));
  const label = text || el.attribs['aria-label'] || imageAlts(el).join(' ') || el.attribs.title || '';
  return collapseWhitespace(label).slice(0, MAX_LABEL);
}

const PLACEHOLDER_HREF = /^\s*(#.*|javascript:.*|)$/i;

function extractLinks(
  $: cheerio.CheerioAPI,
  base: string,
  options: ExtractOptions,
  idCounts: Map<string, number>,
): CapturedLink[] {
  const links: CapturedLink[] = [];
  $('a[href], area[href]').each((_, node) => {
    if (links.length >= MAX_LINKS) return false;
    const el = node as Element;
    const rawHref = el.attribs.href ?? '';
    if (/^\s*(mailto|tel|sms|data|blob):/i.test(rawHref)) {
      links.push(makeLink(el, rawHref.trim(), rawHref, false, false, idCounts));
      return;
    }
    const placeholder = PLACEHOLDER_HREF.test(rawHref);
    const href = placeholder ? rawHref : (resolveUrl(rawHref, base) ?? rawHref);
    const external = !placeholder && /^https?:/i.test(href) && !options.isSameSite(href);
    links.push(makeLink(el, href, rawHref, external, placeholder, idCounts));
  });
  return links;
}

function makeLink(
  el: Element,
  href: string,
  rawHref: string,
  external: boolean,
  placeholder: boolean,
  idCounts: Map<string, number>,
): CapturedLink {
  const rel = el.attribs.rel;
  return {
    href,
    rawHref,
    text: linkText(el),
    region: regionOf(el),
    external,
    placeholder,
    selector: cssPath(el, idCounts),
    ...(rel ? { rel } : {}),
  };
}

/** The first <label for> of each id, in document order (one pass instead of a query per field). */
function labelsByFor($: cheerio.CheerioAPI): Map<string, Element> {
  const labels = new Map<string, Element>();
  $('label[for]').each((_, node) => {
    const el = node as Element;
    const target = el.attribs.for ?? '';
    if (!labels.has(target)) labels.set(target, el);
  });
  return labels;
}

function fieldLabel($: cheerio.CheerioAPI, el: Element, labels: Map<string, Element>): string {
  const node = $(el);
  const id = el.attribs.id;
  let label = '';
  if (id) {
    const forLabel = labels.get(id);
    label = forLabel ? textOf(forLabel) : '';
  }
  if (!label) label = node.closest('label').text();
  if (!label) label = node.attr('aria-label') ?? '';
  if (!label) {
    const ids = (node.attr('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    label = ids.map((ref) => $(`#${cssEscape(ref)}`).text()).join(' ');
  }
  if (!label) label = node.attr('placeholder') ?? node.attr('title') ?? '';
  if (!label && el.name === 'button') label = node.text() || (node.attr('value') ?? '');
  if (!label && el.name === 'input' && /^(submit|button)$/i.test(el.attribs.type ?? '')) {
    label = node.attr('value') ?? '';
  }
  return collapseWhitespace(label).slice(0, MAX_LABEL);
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/([^\w-])/g, '\\$1');
}

function extractForms($: cheerio.CheerioAPI, base: string, idCounts: Map<string, number>): CapturedForm[] {
  const forms: CapturedForm[] = [];
  const headingBefore = headingsBeforeForms($);
  let labels: Map<string, Element> | null = null;
  const labelIndex = (): Map<string, Element> => {
    labels ??= labelsByFor($);
    return labels;
  };
  $('form').each((_, node) => {
    if (forms.length >= MAX_FORMS) return false;
    const form = node as Element;
    const $form = $(form);
    const fields: FormField[] = [];
    $form.find('input, select, textarea, button').each((_, f) => {
      const field = f as Element;
      const tag = field.name as FormField['tag'];
      const type = (field.attribs.type ?? (tag === 'input' ? 'text' : tag === 'button' ? 'submit' : tag))
        .toLowerCase()
        .trim();
      fields.push({
        tag,
        type,
        name: field.attribs.name ?? '',
        ...(field.attribs.id ? { id: field.attribs.id } : {}),
        label: fieldLabel($, field, labelIndex()),
        required: field.attribs.required !== undefined || field.attribs['aria-required'] === 'true',
        ...(tag === 'select' ? { options: selectOptions($, field) } : {}),
      });
    });
    const heading = formHeading($, form, headingBefore.get(form));
    const rawAction = form.attribs.action?.trim() ?? '';
    const methodAttr = (form.attribs.method ?? 'get').toLowerCase();
    const method: CapturedForm['method'] =
      methodAttr === 'post' ? 'post' : methodAttr === 'dialog' ? 'dialog' : 'get';
    const isSearch =
      $form.is('[role="search" i]') ||
      $form.closest('[role="search" i], search').length > 0 ||
      $form.find('input[type="search" i], [role="searchbox" i]').length > 0;
    forms.push({
      selector: cssPath(form, idCounts),
      action: rawAction ? (resolveUrl(rawAction, base) ?? '') : '',
      method,
      region: regionOf(form),
      isSearch,
      fields,
      submitText: fields
        .filter(
          (f) => f.type === 'submit' || f.type === 'image' || (f.tag === 'button' && f.type !== 'button'),
        )
        .map((f) => f.label)
        .join(' | ')
        .slice(0, MAX_LABEL),
      ...(heading ? { heading } : {}),
    });
  });
  return forms;
}

function selectOptions($: cheerio.CheerioAPI, select: Element): string[] {
  const out: string[] = [];
  $(select)
    .find('option')
    .each((_, o) => {
      const text = collapseWhitespace($(o).text()).slice(0, MAX_LABEL);
      if (text) out.push(text);
      return out.length < MAX_OPTIONS;
    });
  return out;
}

/** For each form, the text of the last heading before it in document order ('' when none). */
function headingsBeforeForms($: cheerio.CheerioAPI): Map<Element, string> {
  const out = new Map<Element, string>();
  let last = '';
  $('h1, h2, h3, h4, h5, h6, form').each((_, node) => {
    const el = node as Element;
    if (el.name === 'form') out.set(el, last);
    else last = collapseWhitespace($(el).text());
  });
  return out;
}

function formHeading($: cheerio.CheerioAPI, form: Element, before: string | undefined): string {
  const $form = $(form);
  const text = $form.attr('aria-label') || before || $form.find('legend').first().text();
  return collapseWhitespace(text).slice(0, MAX_LABEL);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function extractEmbeds($: cheerio.CheerioAPI, base: string, options: ExtractOptions): PageCapture['embeds'] {
  const collect = (selector: string) => {
    const hosts = new Set<string>();
    $(selector).each((_, el) => {
      const url = resolveUrl($(el).attr('src') ?? '', base);
      if (url && /^https?:/.test(url) && !options.isSameSite(url)) {
        const host = hostOf(url);
        if (host) hosts.add(host);
      }
    });
    return [...hosts].slice(0, 50);
  };
  return { scripts: collect('script[src]'), iframes: collect('iframe[src]') };
}

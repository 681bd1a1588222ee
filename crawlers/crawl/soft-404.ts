import { foldText, type PageCapture } from '../../src/core/index.ts';
import type { SoftNotFoundSources } from './checkpoint-schema.ts';

/**
 * "Not found" as page titles and headings say it, in the lexicon languages plus German. Matched
 * folded (lower case, no accents) inside a short title or heading, so that an article about a
 * "lost and found" office or a "no results found" list is not taken for a missing page.
 */
const NOT_FOUND_PHRASES = [
  // en
  'page not found',
  'not found',
  'page cannot be found',
  'page could not be found',
  "page doesn't exist",
  'page does not exist',
  'page no longer exists',
  'error 404',
  '404 error',
  // fr
  'page introuvable',
  'page non trouvee',
  "cette page n'existe pas",
  "la page demandee n'existe pas",
  'page inexistante',
  'erreur 404',
  // es
  'pagina no encontrada',
  'no se encontro la pagina',
  'la pagina no existe',
  // pt
  'pagina nao encontrada',
  'pagina inexistente',
  'erro 404',
  // it
  'pagina non trovata',
  'pagina inesistente',
  'errore 404',
  // de
  'seite nicht gefunden',
  'fehler 404',
  // ru
  'страница не найдена',
  'страница не существует',
  'ошибка 404',
  // zh
  '页面不存在',
  '找不到页面',
  '页面未找到',
  '未找到页面',
  '您访问的页面不存在',
  // ar
  'الصفحة غير موجودة',
  'لم يتم العثور على الصفحة',
  'الصفحة المطلوبة غير موجودة',
  'خطأ 404',
].map(foldText);

/** A title or heading longer than this is a sentence about something else, not a not-found notice. */
const MAX_NOTICE_CHARS = 60;
/** Parts of a title: "Page not found | City of Riverton". */
const TITLE_PARTS = /\s[|–—:·•-]\s|\s[|–—·•]|[|–—·•]\s/;
/** Share of its distinctive word pairs a page must share with a made-up address's answer. */
const ECHO_SIMILARITY = 0.8;
/** A made-up address's answer with fewer distinctive word pairs is too bare to compare pages with. */
const MIN_ECHO_SHINGLES = 4;

/** What a SoftNotFoundCheck was given: the home page's text and made-up addresses' answers (checkpoints). */
export type { SoftNotFoundSources };

/** The not-found phrase a title or heading is made of, or null. */
export function notFoundNotice(text: string): string | null {
  for (const part of foldText(text).split(TITLE_PARTS)) {
    const notice = part.trim();
    if (notice.length === 0 || notice.length > MAX_NOTICE_CHARS) continue;
    if (/^(error\s*)?404$/.test(notice)) return notice;
    if (NOT_FOUND_PHRASES.some((phrase) => notice.includes(phrase))) return notice;
  }
  return null;
}

/** Word pairs of a text (single characters for Han script, which has no spaces). */
export function shingles(text: string): Set<string> {
  const words = foldText(text).match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

function without(set: Set<string>, common: Set<string> | null): Set<string> {
  if (!common) return set;
  return new Set([...set].filter((s) => !common.has(s)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Tells pages that answer HTTP 200 but are "not found" pages (soft 404s): their title or main
 * heading says so in a known language, or their text, once the site's common template (what the
 * home page shares) is set aside, is nearly the text a made-up address of the site answered with.
 */
export class SoftNotFoundCheck {
  #home: Set<string> | null = null;
  readonly #missing: { url: string; shingles: Set<string> }[] = [];
  /** What it was given, for a checkpoint. */
  #sources: SoftNotFoundSources = { homeText: null, missing: [] };

  /** The home page's text: what every page shares with it (menus, footer) is not compared. */
  setHome(text: string): void {
    this.#home = shingles(text);
    this.#sources.homeText = text;
  }

  /** What a made-up address of the site showed with HTTP 200 (over HTTP or in the browser). */
  addMissingPage(url: string, text: string): void {
    this.#sources.missing.push({ url, text });
    const distinctive = without(shingles(text), this.#home);
    if (distinctive.size >= MIN_ECHO_SHINGLES) this.#missing.push({ url, shingles: distinctive });
  }

  snapshot(): SoftNotFoundSources {
    return { homeText: this.#sources.homeText, missing: [...this.#sources.missing] };
  }

  static restore(sources: SoftNotFoundSources | undefined): SoftNotFoundCheck {
    const check = new SoftNotFoundCheck();
    if (sources?.homeText != null) check.setHome(sources.homeText);
    for (const page of sources?.missing ?? []) check.addMissingPage(page.url, page.text);
    return check;
  }

  get references(): number {
    return this.#missing.length;
  }

  /** Why an `ok` capture is a soft 404, or null when it is content. The home page never is. */
  reason(capture: PageCapture): string | null {
    if (capture.status !== 'ok' || capture.depth === 0) return null;
    const heading = capture.headings.find((h) => h.level === 1) ?? capture.headings[0];
    for (const [where, text] of [
      ['title', capture.title],
      ['main heading', heading?.text ?? ''],
    ] as const) {
      if (text && notFoundNotice(text))
        return `HTTP ${capture.httpStatus ?? 200}, but its ${where} says "${text.slice(0, 100)}"`;
    }
    if (this.#missing.length === 0) return null;
    const own = without(shingles(capture.text), this.#home);
    if (own.size === 0) return null;
    const echo = this.#missing.find((m) => jaccard(own, m.shingles) >= ECHO_SIMILARITY);
    return echo
      ? `HTTP ${capture.httpStatus ?? 200}, but it shows what the made-up address ${echo.url} shows`
      : null;
  }

  /** Turns an `ok` capture that is a soft 404 into one with status `soft_404` (content kept for review). */
  apply(capture: PageCapture): void {
    const reason = this.reason(capture);
    if (!reason) return;
    capture.status = 'soft_404';
    capture.error = reason;
  }
}

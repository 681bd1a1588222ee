import type { PageCapture } from '../../src/core/index.ts';
import type { PageExtract } from '../extract/extract-page.ts';
import { loadHtml } from '../extract/parse-html.ts';

const APP_ROOT =
  '#root, #app, #__next, #___gatsby, #q-app, #svelte, [ng-app], [data-ng-app], app-root, [data-reactroot]';
const MIN_TEXT = 150;
const MIN_LINKS = 3;

/**
 * An "empty shell": raw HTML with almost no text or links that scripts fill in the browser. Such a
 * site is crawled entirely in the browser under render 'auto'.
 */
export function isEmptyShell(html: string, extract: PageExtract): boolean {
  const usableLinks = extract.links.filter((l) => !l.placeholder).length;
  if (extract.text.length >= MIN_TEXT && usableLinks >= MIN_LINKS) return false;
  const $ = loadHtml(html);
  return $('script').length > 0 || $(APP_ROOT).length > 0;
}

/** Rendered home pages with this many more usable links than served… */
const DRAWN_EXTRA_LINKS = 5;
/** …or this many more characters of text (and at least twice as much) are drawn by script. */
const DRAWN_EXTRA_TEXT = 400;

/**
 * A page "drawn by script": its rendered DOM has far more links, views or text than the HTML the
 * server sent (a menu and views built from an embedded JSON blob, say). A site whose home page is
 * drawn by script is crawled entirely in the browser under render 'auto', like an empty shell.
 */
export function isScriptDrawn(served: PageExtract, rendered: PageCapture): boolean {
  const usable = (links: PageExtract['links']) => links.filter((l) => !l.placeholder).length;
  const extraLinks = usable(rendered.links) + (rendered.views?.length ?? 0) - usable(served.links);
  if (extraLinks >= DRAWN_EXTRA_LINKS) return true;
  const extraText = rendered.text.length - served.text.length;
  return extraText >= DRAWN_EXTRA_TEXT && rendered.text.length >= 2 * served.text.length;
}

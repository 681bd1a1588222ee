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

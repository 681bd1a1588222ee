import type { CapturedForm, CapturedLink, Evidence, PageCapture } from '../../src/core/index.ts';
import { foldWithOrigins } from '../../src/core/text-map.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { pageUrlOf } from './pages.ts';
import { clip, highlightOf, readableSnippet } from './snippet.ts';

/** A page's text folded with the place of each character, to show folded matches in the page's words. */
const pageTextMap = memoizePerCapture((page: PageCapture) => foldWithOrigins(page.text));

function located(
  page: PageCapture,
  note: string | undefined,
): Pick<Evidence, 'pageUrl' | 'linkPath' | 'screenshot' | 'note'> {
  return {
    pageUrl: pageUrlOf(page),
    linkPath: page.linkPath,
    ...(page.render?.screenshot ? { screenshot: page.render.screenshot } : {}),
    ...(note ? { note } : {}),
  };
}

/** A link on `page`: its text and where it goes. */
export function linkEvidence(page: PageCapture, link: CapturedLink, note?: string): Evidence {
  const target = link.placeholder ? `${link.rawHref || '(empty href)'} (goes nowhere)` : link.href;
  return {
    ...located(page, note),
    kind: 'link',
    selector: link.selector,
    snippet: clip(`${link.text ? `"${link.text}"` : '(link without text)'} → ${target}`),
  };
}

/** The page itself: its fetch status and title. */
export function pageEvidence(page: PageCapture, note?: string): Evidence {
  const status = `${page.httpStatus ?? 'no response'} ${page.status}`;
  return {
    ...located(page, note),
    kind: 'http',
    selector: 'html',
    snippet: clip(page.title ? `${status} — ${page.title}` : status),
  };
}

/** An element found by its text (title or heading). */
export function elementEvidence(page: PageCapture, selector: string, text: string, note?: string): Evidence {
  return { ...located(page, note), kind: 'element', selector, snippet: clip(text) };
}

export function describeForm(form: CapturedForm): string {
  const fields = form.fields
    .filter((f) => f.type !== 'hidden' && f.type !== 'submit')
    .map((f) => `${f.name || f.tag} (${f.type}${f.label ? `, "${f.label}"` : ''})`)
    .join('; ');
  const target = form.action || '(this page)';
  return `${form.method.toUpperCase()} ${target}; fields: ${fields || 'none'}${form.submitText ? `; submit: ${form.submitText}` : ''}`;
}

export function formEvidence(page: PageCapture, form: CapturedForm, note?: string): Evidence {
  return { ...located(page, note), kind: 'form', selector: form.selector, snippet: clip(describeForm(form)) };
}

/**
 * A piece of the page's visible text, shown in the page's own words (original case, whole words) with
 * the matched words highlighted when the snippet came from snippetAround.
 */
export function textEvidence(page: PageCapture, snippet: string, note?: string, selector = 'body'): Evidence {
  const readable = readableSnippet(page.text, () => pageTextMap(page), snippet, highlightOf(snippet));
  const shown = clip(readable.snippet);
  const highlight = shown === readable.snippet ? readable.highlight : undefined;
  return {
    ...located(page, note),
    kind: 'text',
    selector,
    snippet: shown,
    ...(highlight ? { highlight } : {}),
  };
}

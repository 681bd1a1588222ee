import type { EvidenceRow } from '../../../db/index.ts';
import { isArtifactHash } from '../../../db/index.ts';
import { safeHref } from '../../report/html/escape.ts';
import { html, type SafeHtml } from './html.ts';

/** One evidence item with what the store holds about its page. */
export interface EvidenceView {
  row: EvidenceRow;
  /** HTML artifact of the captured page, when stored. */
  htmlHash: string | null;
  pageTitle: string | null;
  /** The crawl's screenshot (the evidence's own, else its page's). */
  screenshot: string | null;
  /** A highlighted rendering can be produced (a selector, stored HTML and a browser). */
  highlight: boolean;
}

function externalLink(url: string): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>` : html`<code>${url}</code>`;
}

function linkPath(row: EvidenceRow): SafeHtml {
  const steps = row.linkPath ?? [];
  if (steps.length === 0) return html`<span class="muted">not recorded</span>`;
  return html`<ol class="link-path">${steps.map((step, i) =>
    i === 0 && !step.text
      ? html`<li>Home page: ${externalLink(step.url)}</li>`
      : html`<li>${step.text ? html`“${step.text}” → ` : html`<span class="muted">(no link text)</span> → `}${externalLink(step.url)}</li>`,
  )}</ol>`;
}

/** The snippet with the words the rule matched in <mark>. */
function highlighted(snippet: string, range: EvidenceRow['highlight']): SafeHtml {
  if (!range || range.start < 0 || range.end > snippet.length || range.end <= range.start)
    return html`${snippet}`;
  return html`${snippet.slice(0, range.start)}<mark>${snippet.slice(range.start, range.end)}</mark>${snippet.slice(range.end)}`;
}

export function evidenceItem(e: EvidenceView, index: number): SafeHtml {
  const { row } = e;
  const id = `ev-${row.id}`;
  return html`<article class="evidence" aria-labelledby="${id}-h">
<h3 id="${id}-h">Evidence ${index + 1}: ${row.kind}${e.pageTitle ? html` on “${e.pageTitle}”` : ''}</h3>
<dl class="facts">
  <div><dt>Page</dt><dd>${externalLink(row.pageUrl)} <span class="sub">(the live page; the stored one is below)</span></dd></div>
  <div><dt>Link path from the home page</dt><dd>${linkPath(row)}</dd></div>
  ${row.selector ? html`<div><dt>Element</dt><dd><code>${row.selector}</code></dd></div>` : ''}
  ${row.note ? html`<div><dt>Why it is evidence</dt><dd>${row.note}</dd></div>` : ''}
</dl>
${row.snippet ? html`<p class="label" id="${id}-snip">Snippet</p><pre aria-labelledby="${id}-snip" tabindex="0"><code>${highlighted(row.snippet, row.highlight)}</code></pre>` : ''}
<div class="shots">
${
  e.highlight
    ? html`<figure><img src="/evidence/${row.id}/highlight" width="640" height="400" loading="lazy"
  alt="The evidence element outlined in red on ${row.pageUrl}">
<figcaption>Element outlined: the stored HTML re-rendered offline (scripts, external styles and images off).</figcaption></figure>`
    : ''
}
${
  e.screenshot && isArtifactHash(e.screenshot)
    ? html`<figure><img src="/artifacts/${e.screenshot}" width="640" height="400" loading="lazy"
  alt="Screenshot of ${row.pageUrl} as the crawler saw it (first viewport)">
<figcaption>As crawled: first viewport of the rendered page.</figcaption></figure>`
    : html`<p class="muted">No screenshot: the page was not rendered in the browser.</p>`
}
</div>
</article>`;
}

/** The stored page itself, in a frame sandboxed twice (attribute and CSP): no script, no form, no navigation. */
export function capturedFrame(htmlHash: string, pageUrl: string): SafeHtml {
  return html`<figure class="captured">
<iframe sandbox tabindex="-1" src="/captures/${htmlHash}" title="Stored copy of ${pageUrl} (sandboxed, scripts disabled)" loading="lazy"></iframe>
<figcaption>Stored copy of ${pageUrl}: scripts, forms and external resources are disabled. Its links are left out of the Tab order; <a href="/captures/${htmlHash}">open it alone</a> (still sandboxed) to move through it with the keyboard.</figcaption>
</figure>`;
}

import type { Criterion } from '../../core/index.ts';
import { isWholeSiteEvidence } from '../actions.ts';
import type { AuditReport, ReportEvidence, ReportIndicator } from '../report-types.ts';
import { esc, safeHref } from './escape.ts';
import { METHOD_LABEL, OUTCOME_LABEL } from './words.ts';

/** Embeds each picture once and opens it full size on click (see REPORT_CSS `figure.shot:target`). */
export class ShotRegistry {
  readonly #seen = new Map<string, string>();
  constructor(private readonly imageSrc: ((path: string) => string | null) | undefined) {}

  figure(path: string, alt: string, caption: string, size: { width: number; height: number }): string {
    const id = `shot-${path.replace(/[^a-z0-9]/gi, '').slice(-16)}`;
    if (this.#seen.has(id))
      return `<p class="meta"><a href="#${id}">${esc(this.#seen.get(id))}</a> (shown earlier; opens full size)</p>`;
    const src = this.imageSrc?.(path);
    if (!src) return '';
    this.#seen.set(id, caption);
    return `<figure class="shot" id="${id}"><a class="open" href="#${id}" title="Open full size"><img src="${esc(src)}" alt="${esc(alt)}" width="${size.width}" height="${size.height}"></a>
<figcaption>${esc(caption)}. <a class="open-label" href="#${id}">Open full size</a><a class="close" href="#${id}-back">Close</a></figcaption><span id="${id}-back"></span></figure>`;
  }
}

export function badge(outcome: string): string {
  return `<span class="badge o-${esc(outcome)}">${esc(OUTCOME_LABEL[outcome] ?? outcome)}</span>`;
}

export function link(url: string, text?: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}">${esc(text || url)}</a>` : esc(text || url);
}

/** The snippet with the matched words in <mark>. */
export function snippetHtml(snippet: string, highlight: ReportEvidence['highlight']): string {
  if (!highlight || highlight.start < 0 || highlight.end > snippet.length || highlight.end <= highlight.start)
    return esc(snippet);
  return `${esc(snippet.slice(0, highlight.start))}<mark>${esc(snippet.slice(highlight.start, highlight.end))}</mark>${esc(snippet.slice(highlight.end))}`;
}

const KIND_LABEL: Record<ReportEvidence['kind'], string> = {
  link: 'Link',
  element: 'Element',
  text: 'Text',
  http: 'Page',
  'axe-node': 'Element failing a WCAG check',
  form: 'Form',
};

export function renderIndicators(
  report: AuditReport,
  criteria: readonly Criterion[],
  shots: ShotRegistry,
): string {
  const searched = new Map((report.actions?.indicators ?? []).map((a) => [a.code, a.searched]));
  const groups = criteria
    .map((c) => {
      const items = report.indicators.filter((i) => i.criterion === c.code);
      if (items.length === 0) return '';
      return `<h3>${esc(c.name)} (${esc(c.code)})</h3>\n${items.map((i) => renderIndicator(i, searched.get(i.code), shots)).join('\n')}`;
    })
    .join('\n');
  return `<section aria-labelledby="indicators"><h2 id="indicators">All indicators</h2>
<p class="meta">Each indicator shows what the crawler found and where. "Needs review" means the evidence is suggestive but a person should confirm it.</p>
${groups}</section>`;
}

function renderIndicator(ind: ReportIndicator, searched: string | undefined, shots: ShotRegistry): string {
  const items = ind.evidence.map((e) => renderEvidence(e, ind, searched, shots)).filter(Boolean);
  const evidence = items.length ? `<ul class="evidence">${items.join('')}</ul>` : '';
  return `<details class="ind" id="ind-${esc(ind.code)}"><summary><strong>${esc(ind.code)}</strong> ${esc(ind.title)} ${badge(ind.outcome)}</summary>
<div>${ind.definition ? `<p><span class="label">The survey looks for:</span> ${esc(ind.definition)}</p>` : ''}
<p><span class="label">Found:</span> ${esc(ind.message)}</p>
<p class="meta">${esc(METHOD_LABEL[ind.method] ?? ind.method)} · confidence ${Math.round(ind.confidence * 100)} %</p>
${evidence}</div></details>`;
}

function renderEvidence(
  e: ReportEvidence,
  ind: ReportIndicator,
  searched: string | undefined,
  shots: ShotRegistry,
): string {
  // A verdict of "nothing found" rests on the whole crawl, not on the home page it points at.
  if (isWholeSiteEvidence(e) && searched && ind.outcome !== 'met') return `<li>${esc(searched)}</li>`;
  const where =
    e.kind === 'http'
      ? `Page ${link(e.pageUrl)}`
      : `${KIND_LABEL[e.kind] ?? esc(e.kind)} on ${link(e.pageUrl)}`;
  const selector =
    e.selector && e.kind !== 'http' && e.selector !== 'body'
      ? ` <span class="meta sel">${esc(e.selector)}</span>`
      : '';
  const snippet = e.snippet
    ? e.kind === 'text'
      ? `<blockquote class="snippet">${snippetHtml(e.snippet, e.highlight)}</blockquote>`
      : `<pre><code>${snippetHtml(e.snippet, e.highlight)}</code></pre>`
    : '';
  const element = e.elementShot
    ? shots.figure(e.elementShot, `The evidence outlined on ${e.pageUrl}`, 'The evidence, outlined', {
        width: 480,
        height: 270,
      })
    : '';
  const page = e.screenshot
    ? shots.figure(e.screenshot, `Screenshot of ${e.pageUrl}`, 'Screenshot of the page as rendered', {
        width: 320,
        height: 200,
      })
    : '';
  return `<li><div>${where}${selector}</div>
${e.note ? `<div class="meta">${esc(e.note)}</div>` : ''}${linkPathHtml(e)}${snippet}${element || page ? `<div class="shots">${element}${page}</div>` : ''}</li>`;
}

function linkPathHtml(e: ReportEvidence): string {
  if (!e.linkPath || e.linkPath.length <= 1) return '';
  const steps = e.linkPath
    .map((step, i) => `<li>${i === 0 ? link(step.url, 'Home') : link(step.url, step.text || step.url)}</li>`)
    .join('');
  return `<div class="meta">Reached from the home page: <ol class="path">${steps}</ol></div>`;
}

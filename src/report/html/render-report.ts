import { type Criterion, describeStatus } from '../../core/index.ts';
import { criterionChartSvg } from '../charts/criterion-chart.ts';
import type { AccessibilityIssue, AuditReport, ReportEvidence, ReportIndicator } from '../report-types.ts';
import { esc, percent, safeHref } from './escape.ts';
import { REPORT_CSS } from './styles.ts';

export interface HtmlReportOptions {
  criteria: readonly Criterion[];
  /** Notes on what the catalog infers, shown at the end. */
  catalogNotes?: readonly string[];
  /** Returns a data: URI for a screenshot path of the report, so the HTML file stands alone. */
  imageSrc?: (path: string) => string | null;
}

const OUTCOME_LABEL: Record<string, string> = {
  met: 'Met',
  not_met: 'Not met',
  needs_review: 'Needs review',
  not_applicable: 'Not applicable',
  error: 'Error',
};

const LEVEL_LABEL: Record<string, string> = {
  very_high: 'Very high',
  high: 'High',
  middle: 'Middle',
  low: 'Low',
};

/** One self-contained HTML file a city official can read: no scripts, no external resources. */
export function renderHtmlReport(report: AuditReport, options: HtmlReportOptions): string {
  const host = report.target.finalUrl ?? report.target.url;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>portal-audit report: ${esc(host)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#content">Skip to the report</a>
<header class="top">
<h1>Portal audit: ${esc(host)}</h1>
<p>${esc(report.catalog.id)} ${esc(report.catalog.version)} · ${esc(report.target.level)} portal · generated ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC by ${esc(report.tool.name)} ${esc(report.tool.version)}</p>
</header>
<main id="content">
${
  report.audited
    ? `${renderSummary(report, options)}
${renderIndicators(report, options)}
${renderAccessibility(report)}`
    : renderNotAudited(report)
}
${renderCrawl(report)}
${renderNotes(report, options)}
</main>
</body>
</html>
`;
}

function badge(outcome: string): string {
  return `<span class="badge o-${esc(outcome)}">${esc(OUTCOME_LABEL[outcome] ?? outcome)}</span>`;
}

function renderNotAudited(report: AuditReport): string {
  return `<section aria-labelledby="not-audited"><h2 id="not-audited">Not audited: ${esc(describeStatus(report.crawl.outcome))}</h2>
<p>The home page could not be captured${report.crawl.message ? `: ${esc(report.crawl.message)}` : '.'}</p>
<p>No indicator was judged and no score was computed. Check that the address is right and that the portal answers, then run the audit again.</p></section>`;
}

function renderSummary(report: AuditReport, options: HtmlReportOptions): string {
  const s = report.score;
  const counts = countOutcomes(report.indicators);
  const chart = criterionChartSvg({ criteria: options.criteria, scores: s.criteria, id: 'criteria-chart' });
  const rows = options.criteria
    .filter((c) => (s.criteria[c.code]?.assessed ?? 0) > 0)
    .map((c) => {
      const cs = s.criteria[c.code]!;
      return `<tr><th scope="row">${esc(c.name)} (${esc(c.code)})</th><td>${cs.met} of ${cs.assessed}</td><td>${percent(cs.value)}</td></tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<div class="cards">
<div class="card"><span class="big">${percent(s.value)}</span>indicators met (${s.met} of ${s.assessed} assessed)</div>
<div class="card"><span class="big">${esc(s.level ? (LEVEL_LABEL[s.level] ?? s.level) : '–')}</span>level (projected; the survey's own level needs its full catalog)</div>
<div class="card"><span class="big">${counts.needs_review ?? 0}</span>indicators need a person to confirm</div>
<div class="card"><span class="big">${report.accessibility.violations.length}</span>WCAG rules failed on ${report.accessibility.pagesAudited} pages checked</div>
</div>
${chart ? `<figure class="chart">${chart}</figure>` : ''}
<table><caption class="meta">Indicators met per criterion</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Met</th><th scope="col">Share</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="meta">Scoring policy: ${esc(s.policy)}.</p>${renderScoreNotes(s)}
</section>`;
}

/** OSI notes (weights assumed, relative value needs a cohort); LOSI scores have none. */
function renderScoreNotes(s: AuditReport['score']): string {
  if (!s.notes?.length) return '';
  return `<ul class="meta">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

function countOutcomes(indicators: readonly ReportIndicator[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of indicators) counts[i.outcome] = (counts[i.outcome] ?? 0) + 1;
  return counts;
}

interface ShotRegistry {
  seen: Set<string>;
  imageSrc: HtmlReportOptions['imageSrc'];
}

function renderIndicators(report: AuditReport, options: HtmlReportOptions): string {
  const shots: ShotRegistry = { seen: new Set(), imageSrc: options.imageSrc };
  const groups = options.criteria
    .map((c) => {
      const items = report.indicators.filter((i) => i.criterion === c.code);
      if (items.length === 0) return '';
      return `<h3>${esc(c.name)} (${esc(c.code)})</h3>\n${items.map((i) => renderIndicator(i, shots)).join('\n')}`;
    })
    .join('\n');
  return `<section aria-labelledby="indicators"><h2 id="indicators">Indicators</h2>
<p class="meta">Each indicator shows what the crawler found and where. "Needs review" means the evidence is suggestive but a person should confirm it.</p>
${groups}</section>`;
}

function renderIndicator(ind: ReportIndicator, shots: ShotRegistry): string {
  const evidence = ind.evidence.length
    ? `<ul class="evidence">${ind.evidence.map((e) => renderEvidence(e, shots)).join('')}</ul>`
    : '<p class="meta">No evidence items.</p>';
  return `<details class="ind"><summary><strong>${esc(ind.code)}</strong> ${esc(ind.title)} ${badge(ind.outcome)}</summary>
<div><p>${esc(ind.message)}</p>
<p class="meta">Method: ${esc(ind.method)} · confidence ${Math.round(ind.confidence * 100)} % · rule ${esc(ind.id)}</p>
${evidence}</div></details>`;
}

function link(url: string, text?: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}">${esc(text || url)}</a>` : esc(text || url);
}

function renderEvidence(e: ReportEvidence, shots: ShotRegistry): string {
  const path =
    e.linkPath && e.linkPath.length > 1
      ? `<div class="meta">Reached from the home page: <ol class="path">${e.linkPath
          .map(
            (step, i) =>
              `<li>${i === 0 ? link(step.url, 'Home') : link(step.url, step.text || step.url)}</li>`,
          )
          .join('')}</ol></div>`
      : '';
  return `<li><div>${esc(e.kind)} on ${link(e.pageUrl)}${e.selector ? ` <span class="meta">(${esc(e.selector)})</span>` : ''}</div>
${e.note ? `<div class="meta">${esc(e.note)}</div>` : ''}${path}${e.snippet ? `<pre><code>${esc(e.snippet)}</code></pre>` : ''}${renderScreenshot(e, shots)}</li>`;
}

/**
 * Embeds each screenshot once (the report is one file, and a data URI repeated per evidence item would
 * multiply its size); later evidence on the same page links back to the first figure.
 */
function renderScreenshot(e: ReportEvidence, shots: ShotRegistry): string {
  if (!e.screenshot) return '';
  const id = `shot-${e.screenshot.replace(/[^a-z0-9]/gi, '').slice(-16)}`;
  if (shots.seen.has(id))
    return `<p class="meta"><a href="#${id}">Screenshot of this page</a> (shown earlier)</p>`;
  const src = shots.imageSrc?.(e.screenshot);
  if (!src) return '';
  shots.seen.add(id);
  return `<figure id="${id}"><img src="${esc(src)}" alt="Screenshot of ${esc(e.pageUrl)}" width="320" height="200"><figcaption>Screenshot of the page as rendered</figcaption></figure>`;
}

function renderIssues(issues: readonly AccessibilityIssue[], kind: string): string {
  if (issues.length === 0) return `<p>No ${kind} reported on the pages checked.</p>`;
  return issues
    .map(
      (
        v,
      ) => `<details class="ind"><summary><strong>${esc(v.help)}</strong> <span class="meta">${esc(v.ruleId)} · ${esc(v.impact ?? 'n/a')} · ${v.pages.length} page(s), ${v.nodes} element(s)${v.wcag.length ? ` · WCAG ${esc(v.wcag.join(', '))}` : ''}</span></summary>
<div><p>${link(v.helpUrl, 'How to fix this (Deque University)')}</p>
<p class="meta">Pages: ${v.pages
        .slice(0, 10)
        .map((p) => link(p))
        .join(', ')}${v.pages.length > 10 ? ` and ${v.pages.length - 10} more` : ''}</p>
<ul class="evidence">${v.examples.map((x) => `<li>${link(x.pageUrl)} <span class="meta">${esc(x.selector)}</span><pre><code>${esc(x.html)}</code></pre></li>`).join('')}</ul></div></details>`,
    )
    .join('\n');
}

function renderAccessibility(report: AuditReport): string {
  const a = report.accessibility;
  return `<section aria-labelledby="wcag"><h2 id="wcag">Accessibility (WCAG)</h2>
<p>${esc(a.standard)}${a.engine ? `, ${esc(a.engine)}` : ''}; ${a.pagesAudited} page(s) checked in a browser. Automated checks find only part of the problems; a clean result is not proof of conformance.</p>
<h3>Problems found</h3>
${renderIssues(a.violations, 'problems')}
<h3>To check by hand</h3>
${renderIssues(a.needsReview, 'items to check')}
</section>`;
}

function renderCrawl(report: AuditReport): string {
  const c = report.crawl;
  const statuses = Object.entries(c.statuses)
    .map(([status, n]) => `<tr><th scope="row">${esc(status)}</th><td>${n}</td></tr>`)
    .join('');
  return `<section aria-labelledby="crawl"><h2 id="crawl">What was crawled</h2>
<p>${c.pages} portal page(s), ${c.renderedPages} rendered in a browser, ${c.externalPages} page(s) on linked external sites. Stopped because: ${esc(c.stopReason.replace(/_/g, ' '))}.${c.spa ? ' The portal is built with JavaScript, so every page was rendered.' : ''}</p>
<table><caption class="meta">Fetch outcomes</caption><thead><tr><th scope="col">Status</th><th scope="col">Pages</th></tr></thead><tbody>${statuses}</tbody></table>
</section>`;
}

function renderNotes(report: AuditReport, options: HtmlReportOptions): string {
  const notes = (options.catalogNotes ?? []).map((n) => `<li>${esc(n)}</li>`).join('');
  return `<footer class="notes"><h2 id="notes">About this report</h2>
<p>Indicator definitions follow the UN E-Government Survey ${esc(report.catalog.id)} methodology as far as it is published. The score is the share of assessed indicators met; it is not the survey's official value.</p>
${notes ? `<ul>${notes}</ul>` : ''}</footer>`;
}

import { type Criterion, describeStatus } from '../../core/index.ts';
import { criterionChartSvg } from '../charts/criterion-chart.ts';
import { lexiconWarning } from '../lexicon-coverage.ts';
import type { AccessibilityIssue, AuditReport } from '../report-types.ts';
import { esc, percent } from './escape.ts';
import { renderActions } from './render-actions.ts';
import { renderComparison } from './render-comparison.ts';
import { renderCrawl } from './render-crawl.ts';
import { link, renderIndicators, ShotRegistry } from './render-evidence.ts';
import { renderPosture } from './render-posture.ts';
import { REPORT_CSS } from './styles.ts';
import { describePolicyInWords, formatDate, LEVEL_LABEL } from './words.ts';

export interface HtmlReportOptions {
  criteria: readonly Criterion[];
  /** Notes on what the catalog infers, shown at the end. */
  catalogNotes?: readonly string[];
  /** Returns a data: URI for a screenshot path of the report, so the HTML file stands alone. */
  imageSrc?: (path: string) => string | null;
}

/** One self-contained HTML file a city official can read: no scripts, no external resources. */
export function renderHtmlReport(report: AuditReport, options: HtmlReportOptions): string {
  const host = report.target.finalUrl ?? report.target.url;
  const shots = new ShotRegistry(options.imageSrc);
  const catalog = report.catalog.title ?? report.catalog.id;
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
<h1>Portal audit: <span class="host">${esc(host)}</span></h1>
<p>${esc(catalog)} · ${esc(report.target.level)} portal · audited ${esc(formatDate(report.crawl.startedAt))} by ${esc(report.tool.name)} ${esc(report.tool.version)}</p>
</header>
<main id="content">
${
  report.audited
    ? `${renderSummary(report)}
${renderActions(report)}
${renderComparison(report.comparedWith)}
${renderCriteria(report, options)}
${renderIndicators(report, options.criteria, shots)}
${renderAccessibility(report)}
${renderPosture(report)}`
    : renderNotAudited(report)
}
${renderCrawl(report)}
${renderNotes(report, options)}
</main>
</body>
</html>
`;
}

function renderNotAudited(report: AuditReport): string {
  return `<section aria-labelledby="not-audited"><h2 id="not-audited">Not audited: ${esc(describeStatus(report.crawl.outcome))}</h2>
<p>The home page could not be captured${report.crawl.message ? `: ${esc(report.crawl.message)}` : '.'}</p>
<p>No indicator was judged and no score was computed. Check that the address is right and that the portal answers, then run the audit again.</p></section>`;
}

function renderSummary(report: AuditReport): string {
  const s = report.score;
  const needsReview = report.indicators.filter((i) => i.outcome === 'needs_review').length;
  const level = s.level ? (LEVEL_LABEL[s.level] ?? s.level) : '–';
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<div class="cards">
<div class="card"><span class="big">${percent(s.value)}</span>indicators met (${s.met} of ${s.assessed} assessed)</div>
<div class="card"><span class="big">${esc(level)}</span>level, by the survey's level bands; indicative only, the survey sets its own</div>
<div class="card"><span class="big">${needsReview}</span>indicator${needsReview === 1 ? '' : 's'} need${needsReview === 1 ? 's' : ''} a person to confirm</div>
<div class="card"><span class="big">${report.accessibility.violations.length}</span>WCAG problem${report.accessibility.violations.length === 1 ? '' : 's'} on ${report.accessibility.pagesAudited} pages checked</div>
</div>
<p class="meta">${esc(describePolicyInWords(s.policy))}</p>${renderScoreNotes(s)}${renderLexiconWarning(report)}
</section>`;
}

function renderLexiconWarning(report: AuditReport): string {
  const warning = lexiconWarning(report.lexicon);
  return warning ? `\n<p class="meta"><strong>Language:</strong> ${esc(warning)}</p>` : '';
}

function renderCriteria(report: AuditReport, options: HtmlReportOptions): string {
  const s = report.score;
  const chart = criterionChartSvg({ criteria: options.criteria, scores: s.criteria, id: 'criteria-chart' });
  const rows = options.criteria
    .filter((c) => (s.criteria[c.code]?.assessed ?? 0) > 0)
    .map((c) => {
      const cs = s.criteria[c.code]!;
      return `<tr><th scope="row">${esc(c.name)} (${esc(c.code)})</th><td>${cs.met} of ${cs.assessed}</td><td>${percent(cs.value)}</td></tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="criteria"><h2 id="criteria">Score by criterion</h2>
${chart ? `<figure class="chart">${chart}</figure>` : ''}
<table><caption class="meta">Indicators met per criterion</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Met</th><th scope="col">Share</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}

/** OSI notes (weights assumed, relative value needs a cohort); LOSI scores have none. */
function renderScoreNotes(s: AuditReport['score']): string {
  if (!s.notes?.length) return '';
  return `<ul class="meta">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

function renderIssues(issues: readonly AccessibilityIssue[], kind: string): string {
  if (issues.length === 0) return `<p>No ${kind} reported on the pages checked.</p>`;
  return issues
    .map(
      (
        v,
      ) => `<details class="ind"><summary><strong>${esc(v.help)}</strong> <span class="meta">${esc(v.impact ?? 'unknown')} impact · ${v.pages.length} page(s), ${v.nodes} element(s)${v.wcag.length ? ` · WCAG ${esc(v.wcag.join(', '))}` : ''}</span></summary>
<div><p>${link(v.helpUrl, 'How to fix this (Deque University)')}</p>
<p class="meta">Pages: ${v.pages
        .slice(0, 10)
        .map((p) => link(p))
        .join(', ')}${v.pages.length > 10 ? ` and ${v.pages.length - 10} more` : ''}</p>
<ul class="evidence">${v.examples.map((x) => `<li>${link(x.pageUrl)} <span class="meta sel">${esc(x.selector)}</span><pre><code>${esc(x.html)}</code></pre>${x.fix ? `<p class="meta">${esc(x.fix.replace(/\s*\n\s*/g, ' '))}</p>` : ''}</li>`).join('')}</ul></div></details>`,
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

function renderNotes(report: AuditReport, options: HtmlReportOptions): string {
  const notes = (options.catalogNotes ?? []).map((n) => `<li>${esc(n)}</li>`).join('');
  return `<footer class="notes"><h2 id="notes">About this report</h2>
<p>Indicator definitions follow the UN E-Government Survey methodology (${esc(report.catalog.title ?? report.catalog.id)}) as far as it is published. The score is the share of assessed indicators met; it is not the survey's official value.</p>
${notes ? `<details><summary>What this audit assumes</summary><ul>${notes}</ul></details>` : ''}</footer>`;
}

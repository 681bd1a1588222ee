import {
  distributionTablesHtml,
  levelsDistributionSvg,
  totalsDistributionSvg,
} from '../../report/charts/index.ts';
import type { PortalListQuery, PortalSummary } from '../model/portal-summary.ts';
import { levelLabel, percent } from './format.ts';
import { html, SafeHtml } from './html.ts';

const COLUMNS: { sort: PortalListQuery['sort'] | null; label: string }[] = [
  { sort: 'portal', label: 'Portal' },
  { sort: 'outcome', label: 'Crawl outcome' },
  { sort: 'progress', label: 'Review progress' },
  { sort: 'score', label: 'Score' },
  { sort: 'needs_review', label: 'Needs review (open)' },
  { sort: 'disagreements', label: 'Disagreements (open)' },
  { sort: null, label: 'Blind second review' },
];

function queryString(base: PortalListQuery, changes: Partial<PortalListQuery>): string {
  const q = { ...base, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.outcome) params.set('outcome', q.outcome);
  if (q.show !== 'all') params.set('show', q.show);
  params.set('sort', q.sort);
  params.set('dir', q.dir);
  if (q.round !== undefined) params.set('round', String(q.round));
  return `?${params.toString()}`;
}

function header(query: PortalListQuery, column: (typeof COLUMNS)[number]): SafeHtml {
  if (!column.sort) return html`<th scope="col">${column.label}</th>`;
  const active = query.sort === column.sort;
  const nextDir = active && query.dir === 'asc' ? 'desc' : 'asc';
  const ariaSort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : null;
  return html`<th scope="col" ${ariaSort ? html`aria-sort="${ariaSort}"` : ''}><a href="${queryString(query, {
    sort: column.sort,
    dir: nextDir,
  })}">${column.label}<span class="visually-hidden">, sort ${nextDir === 'asc' ? 'ascending' : 'descending'}</span></a></th>`;
}

export function filterForm(
  query: PortalListQuery,
  outcomes: readonly string[],
  rounds: readonly number[],
): SafeHtml {
  const option = (value: string, label: string, selected: string | number | undefined) =>
    html`<option value="${value}" ${String(selected ?? '') === value ? html`selected` : ''}>${label}</option>`;
  return html`<form method="get" class="filters" aria-label="Filter and sort portals">
  ${
    rounds.length > 1
      ? html`<p><label for="f-round">Round</label>
    <select id="f-round" name="round">${rounds.map((r) => option(String(r), `Round ${r}`, query.round))}</select></p>`
      : ''
  }
  <p><label for="f-q">Portal, city or country</label> <input id="f-q" name="q" value="${query.q}"></p>
  <p><label for="f-outcome">Crawl outcome</label>
  <select id="f-outcome" name="outcome">${option('', 'Any', query.outcome)}${outcomes.map((o) =>
    option(o, o.replaceAll('_', ' '), query.outcome),
  )}</select></p>
  <p><label for="f-show">Show</label>
  <select id="f-show" name="show">
    ${option('all', 'All portals', query.show)}
    ${option('needs_review', 'With open needs-review verdicts', query.show)}
    ${option('disagreements', 'With open disagreements', query.show)}
    ${option('unreviewed', 'Not reviewed yet', query.show)}
    ${option('blind', 'My blind reviews', query.show)}
  </select></p>
  <p><label for="f-sort">Sort by</label>
  <select id="f-sort" name="sort">${COLUMNS.filter((c) => c.sort).map((c) =>
    option(c.sort as string, c.label, query.sort),
  )}</select>
  <label for="f-dir" class="visually-hidden">Direction</label>
  <select id="f-dir" name="dir">${option('asc', 'Ascending', query.dir)}${option('desc', 'Descending', query.dir)}</select></p>
  <p><button type="submit">Apply</button></p>
</form>`;
}

export function portalTable(
  rows: readonly PortalSummary[],
  query: PortalListQuery,
  caption: string,
): SafeHtml {
  if (rows.length === 0) return html`<p>No portal matches.</p>`;
  return html`<div class="table-wrap"><table class="portals">
<caption>${caption} (${rows.length})</caption>
<thead><tr>${COLUMNS.map((c) => header(query, c))}</tr></thead>
<tbody>${rows.map((row) => portalRow(row))}</tbody>
</table></div>`;
}

function portalRow(row: PortalSummary): SafeHtml {
  const run = row.data.run;
  const place = [run.city, run.country].filter(Boolean).join(', ');
  const blindNames = row.data.assignments.map((a) => a.userName);
  return html`<tr>
  <th scope="row"><a href="/runs/${run.runId}">${run.url}</a>
    <span class="sub">${place ? html`${place} · ` : ''}${run.level} · run ${run.runId}, ${run.startedAt.slice(0, 10)}</span></th>
  <td>${row.data.notAudited ? html`<strong>Not audited</strong>: ${row.data.notAudited}` : (run.outcome ?? run.status).replaceAll('_', ' ')}</td>
  <td>${row.data.notAudited ? html`<span class="muted">nothing to review</span>` : html`${row.decided} of ${row.indicators}`}${row.blindForViewer && !row.data.notAudited ? html` <span class="sub">your blind decisions</span>` : ''}</td>
  <td>${row.blindForViewer ? html`<span class="muted">hidden (blind)</span>` : html`${percent(row.score)} ${levelLabel(row.level)}`}</td>
  <td>${row.needsReviewOpen} of ${row.needsReview}</td>
  <td>${row.disagreements === null ? html`<span class="muted">hidden (blind)</span>` : row.disagreements}</td>
  <td>${row.blindForViewer ? 'you' : blindNames.length ? blindNames.join(', ') : html`<span class="muted">none</span>`}</td>
</tr>`;
}

/**
 * The round's totals and levels (scoring module's SVG charts, with their data tables), over every portal
 * of the round but those the viewer reviews blind.
 */
export function distributionSection(rows: readonly PortalSummary[]): SafeHtml {
  const portals = rows.filter((r) => !r.blindForViewer).map((r) => ({ total: r.score, level: r.level }));
  if (portals.length === 0) return html``;
  const input = { portals, id: 'round' };
  const tables = distributionTablesHtml(input);
  // The chart module escapes its text and returns complete <svg role="img"> and <table> markup.
  return html`<section aria-labelledby="dist-h"><h2 id="dist-h">Distribution of scores (final values)</h2>
<div class="shots">
<figure class="chart">${new SafeHtml(totalsDistributionSvg(input))}</figure>
<figure class="chart">${new SafeHtml(levelsDistributionSvg(input))}</figure>
</div>
<div class="shots"><div class="table-wrap">${new SafeHtml(tables.totals)}</div><div class="table-wrap">${new SafeHtml(tables.levels)}</div></div>
</section>`;
}

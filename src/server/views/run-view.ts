import type { StoredUser } from '../../../db/index.ts';
import { describePolicyInWords } from '../../report/html/words.ts';
import type { SiteScore } from '../../scoring/losi-score.ts';
import type { AppUser } from '../context.ts';
import { criterionName, entryFor } from '../model/catalogs.ts';
import type { IndicatorState } from '../model/indicator-state.ts';
import type { RunData } from '../model/run-data.ts';
import { decimal, levelLabel, outcomeBadge, percent, when } from './format.ts';
import { html, type SafeHtml } from './html.ts';

export interface RunViewModel {
  data: RunData;
  user: AppUser;
  blind: boolean;
  score: SiteScore | null;
  /** SVG of the per-criterion chart, when the scoring module provides one. */
  chart: SafeHtml | null;
  campaignName: string | null;
  /** Users an admin may assign as blind second assessor. */
  assignable: StoredUser[];
  csrf: string;
}

export function runView(m: RunViewModel): SafeHtml {
  const { run } = m.data;
  const firstOpen = m.data.states.find((s) =>
    m.blind ? !s.blindTrail.some((b) => b.reviewer === m.user.name) : !s.review,
  );
  const notAudited = m.data.notAudited;
  return html`<h1>${run.url}</h1>
<dl class="facts">
  <div><dt>Run</dt><dd>${run.runId}${run.campaignId !== null ? html` · round ${run.round}` : ' · self-audit'}</dd></div>
  <div><dt>Campaign</dt><dd>${m.campaignName ? html`<a href="/campaigns/${run.campaignId}">${m.campaignName}</a>` : 'none (self-audit)'}</dd></div>
  <div><dt>Crawled</dt><dd>${when(run.startedAt)}</dd></div>
  <div><dt>Crawl outcome</dt><dd>${notAudited ? html`<strong>Not audited</strong>` : html`${(run.outcome ?? run.status).replaceAll('_', ' ')}, ${run.pages} pages`}</dd></div>
  <div><dt>Catalog</dt><dd>${run.catalogId}</dd></div>
</dl>
${
  notAudited
    ? html`<p class="notice" id="not-audited"><strong>Not audited: ${notAudited}</strong>. The home page was never captured, so no indicator was judged and there is nothing to review.</p>`
    : ''
}
${m.blind ? html`<p class="notice">You review this portal <strong>blind</strong>: the first assessor's decisions are hidden, and yours are recorded separately for the agreement statistics.</p>` : ''}
${firstOpen ? html`<p><a class="button" href="/runs/${run.runId}/indicators/${encodeURIComponent(firstOpen.code)}">Review the first undecided indicator (${firstOpen.code})</a></p>` : ''}
${m.blind ? '' : scoreSection(m)}
${m.user.role === 'admin' && !m.blind && !notAudited ? assignmentSection(m) : ''}
${notAudited ? '' : indicatorTables(m)}`;
}

function scoreSection(m: RunViewModel): SafeHtml {
  if (!m.score) return html``;
  const s = m.score;
  const criteria = Object.entries(s.criteria);
  return html`<section aria-labelledby="score-h">
<h2 id="score-h">Score from final values</h2>
<p>${percent(s.value)} ${levelLabel(s.level)} · ${s.met} met of ${s.assessed} assessed · ${s.needsReview} still need review.
<span class="sub">${describePolicyInWords(s.policy)}</span></p>
${m.chart ? html`<figure class="chart">${m.chart}</figure>` : ''}
<div class="table-wrap"><table>
<caption>Per criterion</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Met</th><th scope="col">Assessed</th><th scope="col">Value</th></tr></thead>
<tbody>${criteria.map(
    ([code, c]) =>
      html`<tr><th scope="row">${criterionName(m.data.catalog, code)}</th><td>${decimal(c.met, 0)}</td><td>${c.assessed}</td><td>${percent(c.value)}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}

function assignmentSection(m: RunViewModel): SafeHtml {
  const { run, assignments } = m.data;
  const candidates = m.assignable.filter((u) => !assignments.some((a) => a.userId === u.id));
  return html`<section aria-labelledby="assign-h">
<h2 id="assign-h">Blind second review</h2>
${
  assignments.length
    ? html`<ul>${assignments.map(
        (a) => html`<li>${a.userName} (assigned by ${a.assignedBy}, ${when(a.createdAt)})
<form method="post" action="/runs/${run.runId}/assignments/remove" class="inline">
<input type="hidden" name="_csrf" value="${m.csrf}"><input type="hidden" name="userId" value="${a.userId}">
<button type="submit">Remove ${a.userName}</button></form></li>`,
      )}</ul>`
    : html`<p>No second assessor yet.</p>`
}
${
  candidates.length
    ? html`<form method="post" action="/runs/${run.runId}/assignments" class="inline">
<input type="hidden" name="_csrf" value="${m.csrf}">
<label for="assign-user">Second assessor</label>
<select id="assign-user" name="userId">${candidates.map((u) => html`<option value="${u.id}">${u.name} (${u.role})</option>`)}</select>
<button type="submit">Assign blind review</button></form>`
    : ''
}
</section>`;
}

function indicatorTables(m: RunViewModel): SafeHtml {
  const groups = new Map<string, IndicatorState[]>();
  for (const s of m.data.states) {
    const list = groups.get(s.criterion);
    if (list) list.push(s);
    else groups.set(s.criterion, [s]);
  }
  if (groups.size === 0) return html`<p>This run has no evaluated indicators yet.</p>`;
  return html`<section aria-labelledby="ind-h"><h2 id="ind-h">Indicators</h2>
${[...groups].map(
  ([criterion, states]) => html`<div class="table-wrap"><table class="indicators">
<caption>${criterionName(m.data.catalog, criterion)}</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Indicator</th><th scope="col">Automated outcome</th>
<th scope="col">Confidence</th><th scope="col">Method</th>
${m.blind ? html`<th scope="col">Your blind decision</th>` : html`<th scope="col">Final value</th><th scope="col">Decided by</th>`}
</tr></thead>
<tbody>${states.map((s) => indicatorRow(m, s))}</tbody></table></div>`,
)}</section>`;
}

function indicatorRow(m: RunViewModel, s: IndicatorState): SafeHtml {
  const title = entryFor(m.data.catalog, s.code)?.title ?? s.result?.ruleId ?? s.code;
  const href = `/runs/${m.data.run.runId}/indicators/${encodeURIComponent(s.code)}`;
  const mine = s.blindTrail.filter((b) => b.reviewer === m.user.name).at(-1);
  return html`<tr>
<td>${s.code}</td>
<th scope="row"><a href="${href}">${title}</a></th>
<td>${outcomeBadge(s.result?.outcome)}</td>
<td>${decimal(s.result?.confidence)}</td>
<td>${s.result?.method ?? '–'}</td>
${
  m.blind
    ? html`<td>${mine ? outcomeBadge(mine.toValue) : html`<span class="muted">not yet</span>`}</td>`
    : html`<td>${outcomeBadge(s.finalValue)}</td><td>${s.decidedBy ?? html`<span class="muted">automated</span>`}</td>`
}
</tr>`;
}

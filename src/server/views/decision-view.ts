import { REVIEW_VALUES, type StoredBlindReview, type StoredReview } from '../../../db/index.ts';
import type { DecisionHistory } from '../model/decision-history.ts';
import type { IndicatorState } from '../model/indicator-state.ts';
import { outcomeBadge, outcomeLabel, when } from './format.ts';
import { html, type SafeHtml } from './html.ts';

const KEYS: Record<string, string> = { met: '1', not_met: '2', not_applicable: '3' };

export interface DecisionFormOptions {
  action: string;
  csrf: string;
  resultId: number | null;
  legend: string;
  submit: string;
  /** Offer "save and go to the next indicator". */
  hasNext: boolean;
  idPrefix: string;
}

/** Met / not met / not applicable + note. Works without JavaScript; keys 1-3 pick a value with it. */
export function decisionForm(o: DecisionFormOptions): SafeHtml {
  return html`<form method="post" action="${o.action}" class="decision" id="${o.idPrefix}-form">
<input type="hidden" name="_csrf" value="${o.csrf}">
${o.resultId !== null ? html`<input type="hidden" name="resultId" value="${o.resultId}">` : ''}
<fieldset>
<legend>${o.legend}</legend>
${REVIEW_VALUES.map(
  (
    v,
  ) => html`<p class="choice"><input type="radio" name="value" value="${v}" id="${o.idPrefix}-${v}" required data-key="${KEYS[v]}">
<label for="${o.idPrefix}-${v}">${outcomeLabel(v)} <kbd>${KEYS[v]}</kbd></label></p>`,
)}
</fieldset>
<p><label for="${o.idPrefix}-note">Note (what you checked; shown in the audit trail)</label>
<span class="sub" id="${o.idPrefix}-note-hint">Required when your value differs from the automated verdict.</span>
<textarea id="${o.idPrefix}-note" name="note" rows="3" maxlength="4000" aria-describedby="${o.idPrefix}-note-hint"></textarea></p>
<p class="actions"><button type="submit" name="after" value="stay">${o.submit}</button>
${o.hasNext ? html`<button type="submit" name="after" value="next">${o.submit} and go to the next</button>` : ''}</p>
</form>`;
}

type TrailRow = Pick<StoredReview, 'id' | 'reviewer' | 'createdAt' | 'fromValue' | 'toValue' | 'note'> & {
  kind?: StoredReview['kind'];
};

/** Append-only history: who, when, from what, to what, why. */
export function trailTable(caption: string, rows: readonly TrailRow[]): SafeHtml {
  if (rows.length === 0) return html`<p>No decisions yet: the automated verdict stands.</p>`;
  return html`<div class="table-wrap"><table class="trail">
<caption>${caption}</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Note</th></tr></thead>
<tbody>${rows.map(
    (
      r,
    ) => html`<tr><td>${when(r.createdAt)}</td><td>${r.reviewer}${r.kind === 'resolution' ? html` <span class="sub">(resolution)</span>` : ''}</td>
<td>${outcomeLabel(r.fromValue)}</td><td>${outcomeBadge(r.toValue)}</td><td>${r.note ?? ''}</td></tr>`,
  )}</tbody></table></div>`;
}

/** One page of the decisions, newest first, with links to the older and newer pages. */
export function decisionHistory(h: DecisionHistory, indicatorHref: string): SafeHtml {
  if (h.total === 0) return trailTable('Decisions', []);
  const first = (h.page - 1) * h.pageSize + 1;
  const last = first + h.rows.length - 1;
  const caption =
    h.pages === 1 ? 'Decisions, newest first' : `Decisions ${first}–${last} of ${h.total}, newest first`;
  const link = (page: number, rel: string, label: string) =>
    html`<a href="${indicatorHref}?history=${page}#trail-h" rel="${rel}" id="history-${rel}">${label}</a>`;
  return html`${trailTable(caption, h.rows)}
${
  h.pages > 1
    ? html`<nav aria-label="Decision history" class="pager">
  ${h.page > 1 ? link(h.page - 1, 'prev', 'Newer decisions') : html`<span class="muted">Newest decisions</span>`}
  <span>Page ${h.page} of ${h.pages}</span>
  ${h.page < h.pages ? link(h.page + 1, 'next', 'Older decisions') : html`<span class="muted">Oldest decisions</span>`}
</nav>`
    : ''
}`;
}

/** The disagreement between the first value and the blind second decision, for a reviewer. */
export function disagreementSummary(state: IndicatorState): SafeHtml {
  const blind = state.blind as StoredBlindReview;
  const first = state.first;
  return html`<dl class="facts">
<div><dt>First</dt><dd>${outcomeBadge(first?.value)} by ${first?.by ?? 'the automated rule'}${first?.at ? html`, ${when(first.at)}` : ''}</dd></div>
<div><dt>Blind second</dt><dd>${outcomeBadge(blind.toValue)} by ${blind.reviewer}, ${when(blind.createdAt)}${blind.note ? html`: “${blind.note}”` : ''}</dd></div>
<div><dt>Status</dt><dd>${state.disagreement === 'open' ? 'open: a reviewer has to resolve it' : 'resolved'}</dd></div>
</dl>`;
}

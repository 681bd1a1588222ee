import type { CatalogEntry } from '../../core/index.ts';
import type { AppUser } from '../context.ts';
import type { DecisionHistory } from '../model/decision-history.ts';
import type { IndicatorState } from '../model/indicator-state.ts';
import type { RunData } from '../model/run-data.ts';
import { decisionForm, decisionHistory, disagreementSummary, trailTable } from './decision-view.ts';
import { capturedFrame, type EvidenceView, evidenceItem } from './evidence-view.ts';
import { decimal, outcomeBadge } from './format.ts';
import { html, type SafeHtml } from './html.ts';

export interface IndicatorViewModel {
  data: RunData;
  state: IndicatorState;
  entry: CatalogEntry | undefined;
  user: AppUser;
  blind: boolean;
  canDecide: boolean;
  canResolve: boolean;
  evidence: EvidenceView[];
  /** The page of the decision history asked for; null for a blind reviewer. */
  history: DecisionHistory | null;
  prevHref: string | null;
  nextHref: string | null;
  csrf: string;
}

export function indicatorView(m: IndicatorViewModel): SafeHtml {
  const { state, data } = m;
  const result = state.result;
  const base = `/runs/${data.run.runId}/indicators/${encodeURIComponent(state.code)}`;
  const myBlind = state.blindTrail.filter((b) => b.reviewer === m.user.name);
  const pages = [...new Map(m.evidence.filter((e) => e.htmlHash).map((e) => [e.htmlHash, e])).values()];
  return html`<h1>${state.code} ${m.entry?.title ?? result?.ruleId ?? ''}</h1>
<nav aria-label="Indicators" class="pager">
  ${m.prevHref ? html`<a href="${m.prevHref}" rel="prev" id="prev-indicator">Previous indicator <kbd>p</kbd></a>` : html`<span class="muted">First indicator</span>`}
  <a href="/runs/${data.run.runId}">All indicators of run ${data.run.runId}</a>
  ${m.nextHref ? html`<a href="${m.nextHref}" rel="next" id="next-indicator">Next indicator <kbd>n</kbd></a>` : html`<span class="muted">Last indicator</span>`}
</nav>
${m.entry?.definition ? html`<p class="definition">${m.entry.definition}</p>` : ''}
<section aria-labelledby="verdict-h">
<h2 id="verdict-h">Automated verdict</h2>
${
  result
    ? html`<dl class="facts">
<div><dt>Outcome</dt><dd>${outcomeBadge(result.outcome)}</dd></div>
<div><dt>Confidence</dt><dd>${decimal(result.confidence)}</dd></div>
<div><dt>Method</dt><dd>${result.method}</dd></div>
<div><dt>Rule</dt><dd><code>${result.ruleId}</code> v${result.ruleVersion} (evaluation ${result.evaluationId})</dd></div>
<div><dt>Finding</dt><dd>${result.message}</dd></div>
${
  m.blind
    ? ''
    : html`<div><dt>Final value</dt><dd id="final-value">${outcomeBadge(state.finalValue)} decided by ${state.decidedBy ?? 'the automated rule'}</dd></div>`
}
</dl>`
    : html`<p>No automated result in the latest evaluation.</p>`
}
</section>
<section aria-labelledby="evidence-h">
<h2 id="evidence-h">Evidence (${m.evidence.length})</h2>
<p class="sub">Exactly the items the automated verdict used, from the stored evaluation.</p>
${m.evidence.length ? m.evidence.map((e, i) => evidenceItem(e, i)) : html`<p>The rule gave no evidence.</p>`}
${pages.length ? html`<h3>Stored pages</h3>${pages.map((e) => capturedFrame(e.htmlHash as string, e.row.pageUrl))}` : ''}
</section>
${decisionSection(m, base, myBlind.length > 0)}
${resolutionSection(m, base)}
<section aria-labelledby="trail-h">
<h2 id="trail-h">Audit trail</h2>
${
  m.blind
    ? trailTable('Your blind decisions (the first assessor’s are hidden)', myBlind)
    : html`${m.history ? decisionHistory(m.history, base) : ''}
${state.blindTrail.length ? trailTable('Blind second decisions, oldest first', state.blindTrail) : ''}`
}
</section>
${shortcutHelp()}`;
}

function decisionSection(m: IndicatorViewModel, base: string, decidedBlind: boolean): SafeHtml {
  if (!m.canDecide) return html`<p class="notice">Your role can read but not decide.</p>`;
  if (!m.state.result) return html``;
  return html`<section aria-labelledby="decide-h">
<h2 id="decide-h">${m.blind ? 'Your blind decision' : 'Decision'}</h2>
${m.blind && decidedBlind ? html`<p>You have decided this indicator; deciding again adds a new entry.</p>` : ''}
${decisionForm({
  action: `${base}/${m.blind ? 'blind-decision' : 'decision'}`,
  csrf: m.csrf,
  resultId: m.state.result.resultId,
  legend: m.blind ? 'Your blind decision on this indicator' : 'Final value of this indicator',
  submit: 'Save decision',
  hasNext: m.nextHref !== null,
  idPrefix: 'decide',
})}
</section>`;
}

function resolutionSection(m: IndicatorViewModel, base: string): SafeHtml {
  if (m.blind || !m.state.disagreement || !m.state.blind) return html``;
  return html`<section aria-labelledby="resolve-h">
<h2 id="resolve-h">Disagreement with the blind second review</h2>
${disagreementSummary(m.state)}
${
  m.canResolve
    ? decisionForm({
        action: `${base}/resolution`,
        csrf: m.csrf,
        resultId: m.state.result?.resultId ?? null,
        legend: 'Resolved value',
        submit: 'Resolve',
        hasNext: false,
        idPrefix: 'resolve',
      })
    : html`<p class="sub">A reviewer who took part in neither decision resolves it.</p>`
}
</section>`;
}

function shortcutHelp(): SafeHtml {
  return html`<section aria-labelledby="keys-h" class="shortcuts" id="shortcuts">
<h2 id="keys-h" tabindex="-1">Keyboard shortcuts</h2>
<p class="js-only" hidden><input type="checkbox" id="shortcuts-on" checked> <label for="shortcuts-on">Single-key shortcuts on</label></p>
<dl class="keys">
<div><dt><kbd>n</kbd> or <kbd>j</kbd></dt><dd>next indicator</dd></div>
<div><dt><kbd>p</kbd> or <kbd>k</kbd></dt><dd>previous indicator</dd></div>
<div><dt><kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd></dt><dd>decide met / not met / not applicable (then type a note)</dd></div>
<div><dt><kbd>Ctrl</kbd>+<kbd>Enter</kbd> or <kbd>s</kbd></dt><dd>save the decision</dd></div>
<div><dt><kbd>?</kbd></dt><dd>jump to this list</dd></div>
</dl>
<p class="sub">Single-key shortcuts need JavaScript and do nothing while you type in a field; without JavaScript use Tab, the arrow keys in the choices, and Enter.</p>
</section>`;
}

import type { CampaignSummary } from '../../../db/repositories/review-queries.repo.ts';
import { METHODS } from '../../core/index.ts';
import type { AgreementReport } from '../model/agreement-stats.ts';
import type { Agreement } from '../model/kappa.ts';
import { decimal, percent } from './format.ts';
import { html, type SafeHtml } from './html.ts';

function cells(a: Agreement): SafeHtml {
  return html`<td>${a.n}</td><td>${percent(a.percent)}</td><td>${decimal(a.kappa)}</td>`;
}

export function agreementView(v: {
  report: AgreementReport;
  scope: string;
  campaigns: CampaignSummary[];
  excludedBlindRuns: number;
}): SafeHtml {
  const { report } = v;
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${v.scope === value ? html`selected` : ''}>${label}</option>`;
  return html`<h1>Agreement</h1>
<p>How far the automated verdicts can be trusted, indicator by indicator: the automated outcome against
the assessors' final value (where the rule decided met, not met or not applicable), and the first assessor
against the blind second assessor. Kappa is Cohen's kappa (1 = perfect, 0 = chance level); “–” when it is
undefined (no pairs, or one single value throughout).</p>
<form method="get" class="filters" aria-label="Scope">
<p><label for="scope">Scope</label>
<select id="scope" name="scope">${option('all', 'All runs')}${option('self', 'Self-audits')}${v.campaigns.map(
    (c) => option(String(c.id), `Campaign ${c.name}`),
  )}</select></p>
<p><button type="submit">Show</button></p>
</form>
${v.excludedBlindRuns ? html`<p class="notice">${v.excludedBlindRuns} portal(s) you review blind are left out.</p>` : ''}
<div class="table-wrap"><table>
<caption>Overall, over ${report.runs} runs</caption>
<thead><tr><th scope="col">Comparison</th><th scope="col">Pairs</th><th scope="col">Agreement</th><th scope="col">Kappa</th></tr></thead>
<tbody>
<tr><th scope="row">Automated vs assessor</th>${cells(report.overall.machine)}</tr>
${METHODS.map((m) => html`<tr><th scope="row">Automated vs assessor, ${m} rules</th>${cells(report.byMethod[m])}</tr>`)}
<tr><th scope="row">Assessor vs blind second assessor</th>${cells(report.overall.humans)}</tr>
</tbody></table></div>
<p>${report.overall.needsReviewDecided} reviewed indicator(s) had no machine decision (needs review) and are not in the automated comparison.</p>
${
  report.perIndicator.length
    ? html`<div class="table-wrap"><table>
<caption>Per indicator</caption>
<thead>
<tr><th scope="col" rowspan="2">Indicator</th><th scope="colgroup" colspan="3">Automated vs assessor</th><th scope="colgroup" colspan="3">Assessor vs blind second</th><th scope="col" rowspan="2">Needs review, decided</th></tr>
<tr><th scope="col">Pairs</th><th scope="col">Agreement</th><th scope="col">Kappa</th><th scope="col">Pairs</th><th scope="col">Agreement</th><th scope="col">Kappa</th></tr>
</thead>
<tbody>${report.perIndicator.map(
        (row) =>
          html`<tr><th scope="row">${row.code}</th>${cells(row.machine)}${cells(row.humans)}<td>${row.needsReviewDecided}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>No reviewed indicators in this scope yet.</p>`
}`;
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AppContext, userOf } from '../context.ts';
import { loadRuns } from '../model/run-data.ts';
import { renderPage } from '../render.ts';
import { parseInput } from '../validate.ts';
import { outcomeBadge } from '../views/format.ts';
import { html } from '../views/html.ts';

const Query = z.object({ status: z.enum(['open', 'resolved', 'all']).catch('open') });

export function registerDisagreementRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/disagreements', async (request, reply) => {
    const { status } = parseInput(Query, request.query);
    const user = userOf(request);
    const blindRuns = ctx.app.workflow.blindRunIdsOf(user.id);
    const runIds = ctx.app.workflow.runIdsWithBlindReviews().filter((id) => !blindRuns.has(id));
    const runs = loadRuns(ctx, ctx.app.queries.runsWithTargets({ runIds }));
    const rows = runs.flatMap((data) =>
      data.states
        .filter((s) => s.disagreement && (status === 'all' || s.disagreement === status))
        .map((s) => ({ data, s })),
    );
    const option = (value: string, label: string) =>
      html`<option value="${value}" ${status === value ? html`selected` : ''}>${label}</option>`;
    return renderPage(request, reply, () => ({
      title: 'Disagreements',
      crumbs: [{ label: 'Campaigns', href: '/' }, { label: 'Disagreements' }],
      body: html`<h1>Disagreements</h1>
<p>Indicators where the blind second assessor's decision differs from the first value (the first assessor's
decision, else the automated verdict). Open one to see both and resolve it.</p>
<form method="get" class="filters" aria-label="Filter disagreements">
<p><label for="status">Status</label>
<select id="status" name="status">${option('open', 'Open')}${option('resolved', 'Resolved')}${option('all', 'All')}</select></p>
<p><button type="submit">Show</button></p></form>
${
  rows.length
    ? html`<div class="table-wrap"><table>
<caption>${rows.length} disagreement(s)</caption>
<thead><tr><th scope="col">Portal</th><th scope="col">Indicator</th><th scope="col">First</th><th scope="col">Blind second</th><th scope="col">Status</th></tr></thead>
<tbody>${rows.map(
        ({
          data,
          s,
        }) => html`<tr><td><a href="/runs/${data.run.runId}">${data.run.url}</a> <span class="sub">run ${data.run.runId}</span></td>
<th scope="row"><a href="/runs/${data.run.runId}/indicators/${encodeURIComponent(s.code)}">${s.code}</a></th>
<td>${outcomeBadge(s.first?.value)} ${s.first?.by ?? 'automated'}</td>
<td>${outcomeBadge(s.blind?.toValue)} ${s.blind?.reviewer ?? ''}</td>
<td>${s.disagreement}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>No disagreements${status === 'all' ? '' : ` (${status})`}.</p>`
}`,
    }));
  });
}

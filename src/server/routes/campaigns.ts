import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RunWithTarget } from '../../../db/index.ts';
import { type AppContext, userOf } from '../context.ts';
import { filterAndSort, PortalListQuery, summarise } from '../model/portal-summary.ts';
import { loadRuns } from '../model/run-data.ts';
import { renderPage } from '../render.ts';
import { parseInput } from '../validate.ts';
import { when } from '../views/format.ts';
import { html } from '../views/html.ts';
import { distributionSection, filterForm, portalTable } from '../views/portals-view.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function registerCampaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (request, reply) => {
    const user = userOf(request);
    const campaigns = ctx.app.queries.campaigns();
    const selfAudits = ctx.app.queries.selfAuditRunCount();
    const assignments = ctx.app.workflow.assignmentsOfUser(user.id);
    const blindRuns = assignments
      .map((a) => ctx.app.queries.runWithTarget(a.runId))
      .filter((r): r is RunWithTarget => r !== null);
    return renderPage(request, reply, () => ({
      title: 'Campaigns',
      body: html`<h1>Campaigns</h1>
${
  blindRuns.length
    ? html`<section aria-labelledby="blind-h"><h2 id="blind-h">Your blind second reviews</h2>
<ul>${blindRuns.map((r) => html`<li><a href="/runs/${r.runId}">${r.url}</a> (run ${r.runId})</li>`)}</ul></section>`
    : ''
}
<div class="table-wrap"><table>
<caption>Campaigns and self-audits</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Catalog</th><th scope="col">Portals</th><th scope="col">Rounds</th><th scope="col">Created</th></tr></thead>
<tbody>
${campaigns.map(
  (c) => html`<tr><th scope="row"><a href="/campaigns/${c.id}">${c.name}</a></th><td>${c.catalogId}</td>
<td>${c.targets}</td><td>${c.lastRound ?? 0}</td><td>${when(c.createdAt)}</td></tr>`,
)}
<tr><th scope="row"><a href="/self-audits">Self-audits</a></th><td>per run</td><td>${selfAudits} runs</td><td>–</td><td>–</td></tr>
</tbody></table></div>`,
    }));
  });

  app.get('/campaigns/:id', async (request, reply) => {
    const { id } = parseInput(IdParam, request.params);
    const campaign = ctx.repos.campaigns.get(id);
    if (!campaign) return reply.callNotFound();
    const query = parseInput(PortalListQuery, request.query);
    const rounds = ctx.app.queries.rounds(id);
    const round = query.round !== undefined && rounds.includes(query.round) ? query.round : rounds.at(-1);
    const runs = round === undefined ? [] : ctx.app.queries.campaignRuns(id, round);
    return listPage(request, reply, ctx, runs, { ...query, round }, rounds, {
      title: `Campaign ${campaign.name}`,
      caption: `Portals of ${campaign.name}${round !== undefined ? `, round ${round}` : ''}`,
      distribution: true,
    });
  });

  app.get('/self-audits', async (request, reply) => {
    const query = parseInput(PortalListQuery, request.query);
    return listPage(request, reply, ctx, ctx.app.queries.selfAuditRuns(), query, [], {
      title: 'Self-audits',
      caption: 'Self-audit runs (no campaign)',
    });
  });
}

function listPage(
  request: Parameters<typeof renderPage>[0],
  reply: Parameters<typeof renderPage>[1],
  ctx: AppContext,
  runs: RunWithTarget[],
  query: PortalListQuery,
  rounds: number[],
  text: { title: string; caption: string; distribution?: boolean },
) {
  const user = userOf(request);
  const summaries = loadRuns(ctx, runs).map((data) => summarise(data, user));
  const outcomes = [...new Set(runs.map((r) => r.outcome ?? r.status))].sort();
  const rows = filterAndSort(summaries, query);
  return renderPage(request, reply, () => ({
    title: text.title,
    crumbs: [{ label: 'Campaigns', href: '/' }, { label: text.title }],
    body: html`<h1>${text.title}</h1>
${filterForm(query, outcomes, rounds)}
${portalTable(rows, query, text.caption)}
${text.distribution ? distributionSection(summaries) : ''}
<p><a href="/agreement">Agreement statistics</a> · <a href="/disagreements">Open disagreements</a></p>`,
  }));
}

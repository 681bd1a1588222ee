import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AppContext, userOf } from '../context.ts';
import { agreementReport } from '../model/agreement-stats.ts';
import { loadRuns } from '../model/run-data.ts';
import { renderPage } from '../render.ts';
import { parseInput } from '../validate.ts';
import { agreementView } from '../views/agreement-view.ts';

const Query = z.object({
  scope: z
    .string()
    .regex(/^(all|self|\d{1,9})$/)
    .catch('all'),
});

export function registerAgreementRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/agreement', async (request, reply) => {
    const { scope } = parseInput(Query, request.query);
    const campaignId = scope === 'all' ? undefined : scope === 'self' ? null : Number(scope);
    const user = userOf(request);
    // A blind reviewer must not learn the first decisions of the portals they review from these numbers.
    const blindRuns = ctx.app.workflow.blindRunIdsOf(user.id);
    const runs = ctx.app.queries.runsWithTargets({ campaignId }).filter((r) => !blindRuns.has(r.runId));
    const report = agreementReport(loadRuns(ctx, runs));
    return renderPage(request, reply, () => ({
      title: 'Agreement',
      crumbs: [{ label: 'Campaigns', href: '/' }, { label: 'Agreement' }],
      body: agreementView({
        report,
        scope,
        campaigns: ctx.app.queries.campaigns(),
        excludedBlindRuns: blindRuns.size,
      }),
    }));
  });
}

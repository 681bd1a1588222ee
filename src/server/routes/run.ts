import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { criterionChartSvg } from '../../report/charts/index.ts';
import { type AppContext, userOf } from '../context.ts';
import { finalScore, loadRun } from '../model/run-data.ts';
import { renderPage, seeOther } from '../render.ts';
import { parseInput } from '../validate.ts';
import { SafeHtml } from '../views/html.ts';
import { runView } from '../views/run-view.ts';

const RunParam = z.object({ id: z.coerce.number().int().positive() });
const AssignForm = z.object({ userId: z.coerce.number().int().positive() });

export function registerRunRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/runs/:id', async (request, reply) => {
    const { id } = parseInput(RunParam, request.params);
    const data = loadRun(ctx, id);
    if (!data) return reply.callNotFound();
    const user = userOf(request);
    const blind = data.assignments.some((a) => a.userId === user.id);
    const score = blind ? null : finalScore(data);
    const chart =
      score && data.catalog
        ? criterionChartSvg({ criteria: data.catalog.criteria, scores: score.criteria, id: 'run-criteria' })
        : '';
    const campaignName =
      data.run.campaignId !== null ? (ctx.repos.campaigns.get(data.run.campaignId)?.name ?? null) : null;
    const assignable = user.role === 'admin' ? ctx.app.users.list().filter((u) => u.role !== 'viewer') : [];
    return renderPage(request, reply, (csrf) => ({
      title: `Run ${id}: ${data.run.url}`,
      crumbs: [
        { label: 'Campaigns', href: '/' },
        campaignName
          ? { label: campaignName, href: `/campaigns/${data.run.campaignId}` }
          : { label: 'Self-audits', href: '/self-audits' },
        { label: `Run ${id}` },
      ],
      body: runView({
        data,
        user,
        blind,
        score,
        // The chart module escapes its labels and returns a complete <svg> (role="img" with title and desc).
        chart: chart ? new SafeHtml(chart) : null,
        campaignName,
        assignable,
        csrf,
      }),
    }));
  });

  app.post('/runs/:id/assignments', { config: { roles: ['admin'] } }, async (request, reply) => {
    const { id } = parseInput(RunParam, request.params);
    const { userId } = parseInput(AssignForm, request.body);
    const user = ctx.app.users.get(userId);
    if (!ctx.app.queries.runWithTarget(id) || !user || user.role === 'viewer') return reply.callNotFound();
    ctx.reviewWrites.assignBlind({ runId: id, userId, assignedBy: userOf(request).name });
    return seeOther(reply, `/runs/${id}`, `${user.name} reviews this portal blind.`);
  });

  app.post('/runs/:id/assignments/remove', { config: { roles: ['admin'] } }, async (request, reply) => {
    const { id } = parseInput(RunParam, request.params);
    const { userId } = parseInput(AssignForm, request.body);
    ctx.reviewWrites.unassignBlind(id, userId);
    return seeOther(reply, `/runs/${id}`, 'Assignment removed; the blind decisions already made are kept.');
  });
}

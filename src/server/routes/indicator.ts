import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REVIEW_VALUES } from '../../../db/index.ts';
import { MAX_NOTE_CHARS } from '../../../db/review-app/review-writes.ts';
import { highlightTargetOf } from '../../evidence/highlighter.ts';
import { type AppContext, type AppUser, canDecide, userOf } from '../context.ts';
import { entryFor } from '../model/catalogs.ts';
import { loadDecisionHistory } from '../model/decision-history.ts';
import type { IndicatorState } from '../model/indicator-state.ts';
import { loadRun, type RunData } from '../model/run-data.ts';
import { renderPage, seeOther } from '../render.ts';
import { parseInput } from '../validate.ts';
import type { EvidenceView } from '../views/evidence-view.ts';
import { outcomeLabel } from '../views/format.ts';
import { indicatorView } from '../views/indicator-view.ts';

const Params = z.object({
  id: z.coerce.number().int().positive(),
  code: z.string().min(1).max(64),
});

const HistoryQuery = z.object({ history: z.coerce.number().int().min(1).max(1_000_000).default(1) });

const DecisionForm = z.object({
  value: z.enum(REVIEW_VALUES),
  note: z
    .string()
    .max(MAX_NOTE_CHARS)
    .optional()
    .transform((n) => (n?.trim() ? n.trim() : null)),
  resultId: z.coerce.number().int().positive().optional(),
  after: z.enum(['stay', 'next']).catch('stay'),
});

function indicatorHref(runId: number, code: string): string {
  return `/runs/${runId}/indicators/${encodeURIComponent(code)}`;
}

interface Located {
  data: RunData;
  state: IndicatorState;
  index: number;
  user: AppUser;
  blind: boolean;
}

function locate(ctx: AppContext, request: FastifyRequest): Located | null {
  const { id, code } = parseInput(Params, request.params);
  const data = loadRun(ctx, id);
  const index = data?.states.findIndex((s) => s.code === code) ?? -1;
  const state = data?.states[index];
  if (!data || !state) return null;
  const user = userOf(request);
  return { data, state, index, user, blind: data.assignments.some((a) => a.userId === user.id) };
}

/** Neither the first decision's author nor the blind reviewer settles their own disagreement. */
function canResolve(user: AppUser, state: IndicatorState, blindOnRun: boolean): boolean {
  if (!canDecide(user) || blindOnRun) return false;
  if (user.role === 'admin') return true;
  return state.first?.by !== user.name && state.blind?.reviewer !== user.name;
}

export function registerIndicatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/runs/:id/indicators/:code', async (request, reply) => {
    const found = locate(ctx, request);
    if (!found) return reply.callNotFound();
    const { data, state, index, user, blind } = found;
    const { history: historyPage } = parseInput(HistoryQuery, request.query);
    const prev = data.states[index - 1];
    const next = data.states[index + 1];
    return renderPage(request, reply, (csrf) => ({
      title: `${state.code} · run ${data.run.runId}`,
      crumbs: [
        { label: 'Campaigns', href: '/' },
        { label: `Run ${data.run.runId}`, href: `/runs/${data.run.runId}` },
        { label: `Indicator ${state.code}` },
      ],
      scripts: ['review-keys.js'],
      body: indicatorView({
        data,
        state,
        entry: entryFor(data.catalog, state.code),
        user,
        blind,
        canDecide: canDecide(user),
        canResolve: canResolve(user, state, blind),
        evidence: evidenceViews(ctx, data, state),
        // A blind reviewer does not see the first decisions at all.
        history: blind ? null : loadDecisionHistory(ctx, data.run.runId, state.code, historyPage),
        prevHref: prev ? indicatorHref(data.run.runId, prev.code) : null,
        nextHref: next ? indicatorHref(data.run.runId, next.code) : null,
        csrf,
      }),
    }));
  });

  app.post('/runs/:id/indicators/:code/decision', async (request, reply) => {
    const found = locate(ctx, request);
    if (!found) return reply.callNotFound();
    // A blind reviewer's decisions never reach `reviews`, whatever form they post.
    if (found.blind) return refuseStale(reply, 'You review this portal blind: use the blind decision form.');
    const form = parseInput(DecisionForm, request.body);
    const result = checkResult(found, form.resultId, reply);
    if (result === undefined) return reply;
    if (!overrideHasNote(found, form.value, form.note, reply)) return reply;
    ctx.reviewWrites.decide({
      runId: found.data.run.runId,
      code: found.state.code,
      resultId: result,
      reviewer: found.user.name,
      fromValue: found.state.finalValue,
      toValue: form.value,
      note: form.note,
    });
    return afterDecision(
      reply,
      found,
      form.after,
      `Saved: ${outcomeLabel(form.value)} (was ${outcomeLabel(found.state.finalValue)}).`,
    );
  });

  app.post('/runs/:id/indicators/:code/blind-decision', async (request, reply) => {
    const found = locate(ctx, request);
    if (!found) return reply.callNotFound();
    if (!found.blind) return refuseStale(reply, 'You are not assigned to review this portal blind.');
    const form = parseInput(DecisionForm, request.body);
    const result = checkResult(found, form.resultId, reply);
    if (result === undefined) return reply;
    if (!overrideHasNote(found, form.value, form.note, reply)) return reply;
    const previous = found.state.blindTrail.filter((b) => b.reviewer === found.user.name).at(-1);
    ctx.reviewWrites.decideBlind({
      runId: found.data.run.runId,
      code: found.state.code,
      resultId: result,
      reviewer: found.user.name,
      fromValue: previous?.toValue ?? found.state.result?.outcome ?? null,
      toValue: form.value,
      note: form.note,
    });
    return afterDecision(reply, found, form.after, `Saved your blind decision: ${outcomeLabel(form.value)}.`);
  });

  app.post('/runs/:id/indicators/:code/resolution', async (request, reply) => {
    const found = locate(ctx, request);
    if (!found) return reply.callNotFound();
    if (!found.state.disagreement || !canResolve(found.user, found.state, found.blind)) {
      return refuseStale(reply, 'There is no disagreement here that you may resolve.', 403);
    }
    const form = parseInput(DecisionForm, request.body);
    const result = checkResult(found, form.resultId, reply);
    if (result === undefined) return reply;
    if (!overrideHasNote(found, form.value, form.note, reply)) return reply;
    ctx.reviewWrites.resolve({
      runId: found.data.run.runId,
      code: found.state.code,
      resultId: result,
      reviewer: found.user.name,
      fromValue: found.state.finalValue,
      toValue: form.value,
      note: form.note,
    });
    return afterDecision(reply, found, 'stay', `Resolved: ${outcomeLabel(form.value)}.`);
  });
}

/**
 * The result id the reviewer saw must still be the current one: if the run was rescored meanwhile,
 * the decision would be filed against evidence they did not see. Returns undefined after refusing.
 */
function checkResult(
  found: Located,
  posted: number | undefined,
  reply: FastifyReply,
): number | null | undefined {
  const current = found.state.result?.resultId ?? null;
  if (current === null) {
    refuseStale(reply, 'This indicator has no automated result to review.');
    return undefined;
  }
  if (posted !== undefined && posted !== current) {
    refuseStale(
      reply,
      'The automated verdict changed since you opened this page (the run was re-evaluated). Reload it and decide again.',
    );
    return undefined;
  }
  return current;
}

/**
 * A decision that overrides the automated verdict must say why: the note is what a second assessor,
 * a reviewer or the survey team reads later. Confirming the verdict needs none. Refuses and returns
 * false when the note is missing.
 */
function overrideHasNote(found: Located, value: string, note: string | null, reply: FastifyReply): boolean {
  const automated = found.state.result?.outcome;
  if (note || automated === undefined || automated === value) return true;
  refuseStale(
    reply,
    `A note is required to override the automated verdict (${outcomeLabel(automated)} → ${outcomeLabel(value)}): say what you checked and why the verdict is wrong.`,
    400,
  );
  return false;
}

function refuseStale(reply: FastifyReply, message: string, status = 409): FastifyReply {
  return reply.code(status).send(Object.assign(new Error(message), { statusCode: status }));
}

function afterDecision(
  reply: FastifyReply,
  found: Located,
  after: 'stay' | 'next',
  flash: string,
): FastifyReply {
  const next = found.data.states[found.index + 1];
  const target = after === 'next' && next ? next.code : found.state.code;
  return seeOther(reply, indicatorHref(found.data.run.runId, target), flash);
}

function evidenceViews(ctx: AppContext, data: RunData, state: IndicatorState): EvidenceView[] {
  if (!state.result) return [];
  return ctx.app.queries.evidenceOf(state.result.resultId).map((row) => {
    const page = ctx.app.queries.pageAt(data.run.runId, row.pageUrl);
    const htmlHash = page?.htmlHash ?? null;
    return {
      row,
      htmlHash,
      pageTitle: page?.title || null,
      screenshot: row.screenshotHash ?? page?.screenshotHash ?? null,
      highlight: Boolean(highlightTargetOf(row) && htmlHash && ctx.highlighter),
    };
  });
}

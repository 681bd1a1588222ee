import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isArtifactHash, sha256Hex } from '../../../db/index.ts';
import { CAPTURED_PAGE_CSP } from '../../evidence/captured-page-csp.ts';
import {
  HIGHLIGHT_RENDER_VERSION,
  type HighlightTarget,
  highlightTargetOf,
  targetKey,
} from '../../evidence/highlighter.ts';
import type { AppContext } from '../context.ts';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const IdParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * Stored blobs, addressed only by their sha256 (the artifact store refuses anything else, so no URL
 * can name a file outside the artifact directory). Images are served as images; captured HTML only
 * under the sandboxing CSP.
 */
export function registerArtifactRoutes(app: FastifyInstance, ctx: AppContext): void {
  const inFlight = new Map<string, Promise<string | null>>();

  app.get('/artifacts/:hash', async (request, reply) => {
    const hash = (request.params as { hash: string }).hash;
    if (!isArtifactHash(hash)) return reply.callNotFound();
    const info = ctx.store.artifacts.info(hash);
    if (!info || !IMAGE_TYPES.has(info.mediaType)) return reply.callNotFound();
    const bytes = ctx.store.artifacts.get(hash);
    if (!bytes) return reply.callNotFound();
    return sendImage(reply, bytes, info.mediaType);
  });

  app.get('/captures/:hash', async (request, reply) => {
    const hash = (request.params as { hash: string }).hash;
    if (!isArtifactHash(hash)) return reply.callNotFound();
    const info = ctx.store.artifacts.info(hash);
    if (info?.kind !== 'html') return reply.callNotFound();
    const bytes = ctx.store.artifacts.get(hash);
    if (!bytes) return reply.callNotFound();
    return reply
      .header('content-security-policy', CAPTURED_PAGE_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'private, max-age=3600')
      .type('text/html; charset=utf-8')
      .send(bytes);
  });

  app.get('/evidence/:id/highlight', async (request, reply) => {
    const parsed = IdParam.safeParse(request.params);
    if (!parsed.success || !ctx.highlighter) return reply.callNotFound();
    const item = ctx.app.queries.evidenceItem(parsed.data.id);
    const page = item ? ctx.app.queries.pageAt(item.runId, item.pageUrl) : null;
    const target = item ? highlightTargetOf(item) : null;
    if (!target || !page?.htmlHash) return reply.callNotFound();
    const key = {
      htmlHash: page.htmlHash,
      selector: targetKey(target),
      renderVersion: HIGHLIGHT_RENDER_VERSION,
    };
    const cached = ctx.app.workflow.highlightShot(key.htmlHash, key.selector, key.renderVersion);
    let shotHash: string | null;
    if (cached) {
      shotHash = cached.shotHash;
    } else {
      const flightKey = `${key.htmlHash}\n${key.selector}`;
      let flight = inFlight.get(flightKey);
      if (!flight) {
        flight = renderAndCache(ctx, key, target, page.finalUrl).finally(() => inFlight.delete(flightKey));
        inFlight.set(flightKey, flight);
      }
      shotHash = await flight;
    }
    const bytes = shotHash ? ctx.store.artifacts.get(shotHash) : null;
    if (!bytes) return reply.callNotFound();
    return sendImage(reply, bytes, 'image/jpeg');
  });
}

async function renderAndCache(
  ctx: AppContext,
  key: { htmlHash: string; selector: string; renderVersion: number },
  target: HighlightTarget,
  pageUrl: string,
): Promise<string | null> {
  const html = ctx.store.artifacts.get(key.htmlHash);
  if (!html || !ctx.highlighter) return null;
  let jpeg: Buffer | null;
  try {
    jpeg = await ctx.highlighter.render(html.toString('utf8'), target, pageUrl);
  } catch {
    return null; // not cached: a later request tries again
  }
  const image = jpeg
    ? { hash: sha256Hex(jpeg), kind: 'screenshot' as const, mediaType: 'image/jpeg', data: jpeg }
    : null;
  ctx.highlightWrites.record(key, image);
  return image?.hash ?? null;
}

function sendImage(reply: FastifyReply, bytes: Buffer, mediaType: string): FastifyReply {
  return reply
    .header('cache-control', 'private, max-age=86400, immutable')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .type(mediaType)
    .send(bytes);
}

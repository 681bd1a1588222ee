import type { MobileSpeedArtifact } from '../../src/core/index.ts';
import { MOBILE_VIEWPORT } from '../browser/render-page.ts';
import { hostOf } from '../frontier/normalize-url.ts';
import type { PageLoadContext } from './load-page.ts';

/**
 * The home page loaded once more as a phone loads it (see RenderOptions.device): only its speed,
 * requests and cookies are kept. One load per site, not per page: a second load of every page would
 * double the cost of rendering.
 */
export async function measurePhoneSpeed(
  url: string,
  ctx: PageLoadContext,
): Promise<MobileSpeedArtifact | null> {
  const renderer = ctx.renderer;
  if (!renderer) return null;
  const options = {
    ...ctx.renderOptions,
    device: 'phone' as const,
    axe: false,
    screenshot: false,
    mobile: false,
  };
  const page = await ctx.limiter.run(hostOf(url), () => renderer.render(url, options));
  const artifact: MobileSpeedArtifact = {
    url: page.finalUrl || url,
    viewport: { ...MOBILE_VIEWPORT },
    status: page.status,
    performance: page.status === 'ok' ? (page.render.performance ?? null) : null,
  };
  if (page.error) artifact.error = page.error;
  else if (page.status === 'ok' && !artifact.performance) artifact.error = 'The load could not be measured';
  return artifact;
}

/** The artifact of a home page not loaded as a phone, and why (a failed desktop load is not retried). */
export function notLoadedAsPhone(url: string, reason: string): MobileSpeedArtifact {
  return { url, viewport: { ...MOBILE_VIEWPORT }, status: 'error', error: reason, performance: null };
}

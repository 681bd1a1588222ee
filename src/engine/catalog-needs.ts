import type { CaptureRequirement, Catalog, RenderMode } from '../core/index.ts';

/** What the catalog's detectors declare they read: the crawl gathers no more than this. */
export function catalogNeeds(catalog: Pick<Catalog, 'rules'>): ReadonlySet<CaptureRequirement> {
  return new Set(catalog.rules.flatMap((rule) => rule.meta.requires));
}

/**
 * The render mode of an audit: the one asked for, else 'auto' — or 'none' when no detector of the
 * catalog reads a rendered page (a text-only edition is crawled without a browser).
 */
export function renderModeFor(
  asked: RenderMode | undefined,
  needs: ReadonlySet<CaptureRequirement>,
): RenderMode {
  if (asked) return asked;
  return needs.has('render') || needs.has('axe') ? 'auto' : 'none';
}

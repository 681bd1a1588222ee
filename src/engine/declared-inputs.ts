import {
  type CaptureRequirement,
  type PageCapture,
  type RenderCapture,
  SITE_ARTIFACT_KINDS,
  type SiteArtifacts,
  type SiteCaptures,
} from '../core/index.ts';

/** A detector read a capture it does not list in `meta.requires`. */
export class UndeclaredInputError extends Error {
  override name = 'UndeclaredInputError';
}

/** Fields of a page's render that need a declaration; the screenshot is evidence for every detector. */
const RENDER_FIELDS: readonly { field: keyof RenderCapture; needs: CaptureRequirement }[] = [
  { field: 'axe', needs: 'axe' },
  { field: 'mobile', needs: 'render' },
  { field: 'consoleErrors', needs: 'render' },
];

function refuse(what: string, needs: CaptureRequirement): never {
  throw new UndeclaredInputError(`read ${what} without declaring '${needs}' in meta.requires`);
}

function guardedArtifacts(
  artifacts: SiteArtifacts,
  requires: ReadonlySet<CaptureRequirement>,
): SiteArtifacts {
  const view: SiteArtifacts = {};
  for (const kind of SITE_ARTIFACT_KINDS) {
    if (requires.has(kind)) {
      if (artifacts[kind] !== undefined) Object.assign(view, { [kind]: artifacts[kind] });
    } else {
      Object.defineProperty(view, kind, { enumerable: false, get: () => refuse(`artifacts.${kind}`, kind) });
    }
  }
  return view;
}

function guardedPage(page: PageCapture, requires: ReadonlySet<CaptureRequirement>): PageCapture {
  const hidden = RENDER_FIELDS.filter((f) => !requires.has(f.needs));
  if (!page.render || hidden.length === 0) return page;
  const render = { ...page.render };
  for (const { field, needs } of hidden) {
    delete render[field];
    Object.defineProperty(render, field, { enumerable: false, get: () => refuse(`render.${field}`, needs) });
  }
  return { ...page, render };
}

const views = new WeakMap<SiteCaptures, Map<string, SiteCaptures>>();

/**
 * The captures as a detector that declares `requires` may see them: an undeclared artifact, axe
 * result or mobile check throws UndeclaredInputError when read, so the engine (an `error` result)
 * and the detector's fixture test both catch it, and a catalog's declared needs are all the crawl
 * must gather. One view per site and set of needs.
 */
export function declaredView(site: SiteCaptures, requires: readonly CaptureRequirement[]): SiteCaptures {
  const key = [...new Set(requires)].sort().join(',');
  let bySet = views.get(site);
  if (!bySet) {
    bySet = new Map();
    views.set(site, bySet);
  }
  const cached = bySet.get(key);
  if (cached) return cached;
  const declared = new Set(requires);
  const pages = new Map(site.pages.map((p) => [p, guardedPage(p, declared)]));
  const view: SiteCaptures = {
    target: site.target,
    home: site.home ? (pages.get(site.home) ?? guardedPage(site.home, declared)) : undefined,
    pages: [...pages.values()],
    artifacts: guardedArtifacts(site.artifacts, declared),
  };
  bySet.set(key, view);
  return view;
}

import { reviewAppRepositories, type Store, sha256Hex } from '../../db/index.ts';
import { HighlightWrites } from '../../db/review-app/highlight-writes.ts';
import type { Evidence, IndicatorResult, PageCapture } from '../core/index.ts';
import {
  HIGHLIGHT_RENDER_VERSION,
  type Highlighter,
  type HighlightTarget,
  highlightTargetOf,
  targetKey,
} from '../evidence/highlighter.ts';

/** At most this many pictures per report, and this long for all of them: a report must not wait on them. */
const MAX_SHOTS = 40;
const BUDGET_MS = 45_000;
/** Who needs a picture most: a verdict a person must confirm, then what was found. */
const OUTCOME_ORDER: Record<string, number> = { needs_review: 0, met: 1, not_met: 2, error: 3 };
/** Evidence items pictured per indicator (the first ones, which the verdict rests on most). */
const PER_INDICATOR = 2;

interface Wanted {
  /** Evidence keys this picture serves. */
  keys: string[];
  cacheKey: { htmlHash: string; selector: string; renderVersion: number };
  target: HighlightTarget;
  pageUrl: string;
}

/** Which picture shows an evidence item's element: hash of a stored JPEG, by evidence key. */
export type ElementShots = ReadonlyMap<string, string>;

export function evidenceKey(
  e: Pick<Evidence, 'pageUrl' | 'kind' | 'selector' | 'snippet' | 'highlight'>,
): string | null {
  const target = highlightTargetOf(e);
  return target ? `${e.pageUrl}\n${targetKey(target)}` : null;
}

/**
 * Pictures of the evidence elements, outlined and cropped, made by re-rendering each page's stored
 * HTML offline (the review app's highlighter, so its cache serves both). Made at report time because
 * rules stay pure: they name the element, the picture is an artifact. Items whose page has no stored
 * HTML, whose element is not found, or that come after the budget (needs-review verdicts first, then
 * met ones) get none.
 */
export async function captureElementShots(
  store: Store,
  highlighter: Highlighter,
  results: readonly IndicatorResult[],
  pages: readonly PageCapture[],
): Promise<ElementShots> {
  const htmlOf = new Map<string, string>();
  for (const p of pages) {
    if (!p.htmlHash) continue;
    htmlOf.set(p.finalUrl, p.htmlHash);
    if (!htmlOf.has(p.url)) htmlOf.set(p.url, p.htmlHash);
  }
  const workflow = reviewAppRepositories(store).workflow;
  const writes = store.readonly ? null : new HighlightWrites(store);
  const shots = new Map<string, string>();
  const deadline = Date.now() + BUDGET_MS;
  const ordered = results
    .filter((r) => r.outcome !== 'not_applicable')
    .sort((a, b) => (OUTCOME_ORDER[a.outcome] ?? 9) - (OUTCOME_ORDER[b.outcome] ?? 9));
  // The pictures to make, in order of need, grouped by stored page: each page is loaded once.
  const wanted = new Map<string, Wanted[]>();
  const planned = new Set<string>();
  const byCacheKey = new Map<string, Wanted>();
  for (const result of ordered) {
    for (const e of result.evidence.slice(0, PER_INDICATOR)) {
      const target = highlightTargetOf(e);
      const htmlHash = htmlOf.get(e.pageUrl);
      const key = evidenceKey(e);
      if (!target || !htmlHash || !key || shots.has(key) || planned.has(key)) continue;
      const cacheKey = { htmlHash, selector: targetKey(target), renderVersion: HIGHLIGHT_RENDER_VERSION };
      const cached = workflow.highlightShot(cacheKey.htmlHash, cacheKey.selector, cacheKey.renderVersion);
      if (cached) {
        if (cached.shotHash) shots.set(key, cached.shotHash);
        continue;
      }
      const same = byCacheKey.get(`${htmlHash}\n${cacheKey.selector}`);
      if (same) {
        // The same element of the same stored page: one picture serves both.
        same.keys.push(key);
        planned.add(key);
        continue;
      }
      if (byCacheKey.size >= MAX_SHOTS) continue;
      planned.add(key);
      const w: Wanted = { keys: [key], cacheKey, target, pageUrl: e.pageUrl };
      byCacheKey.set(`${htmlHash}\n${cacheKey.selector}`, w);
      const groupKey = `${htmlHash}\n${e.pageUrl}`;
      const group = wanted.get(groupKey) ?? [];
      group.push(w);
      wanted.set(groupKey, group);
    }
  }
  // Pages go to the highlighter all at once; it renders as many at a time as it was made for.
  // One page with many pictures (a one-page audit) is split in two loads, so both can run.
  const groups = [...wanted.values()];
  const loads = groups.length === 1 && groups[0]!.length > 1 ? halves(groups[0]!) : groups;
  await Promise.all(
    loads.map(async (group) => {
      if (Date.now() > deadline) return;
      const html = store.artifacts.get(group[0]!.cacheKey.htmlHash);
      if (!html) return;
      const jpegs = await highlighter
        .renderAll(
          html.toString('utf8'),
          group.map((w) => w.target),
          group[0]!.pageUrl,
          () => Date.now() <= deadline,
        )
        .catch(() => group.map(() => null));
      for (const [i, jpeg] of jpegs.entries()) {
        const w = group[i]!;
        const image = jpeg
          ? { hash: sha256Hex(jpeg), kind: 'screenshot' as const, mediaType: 'image/jpeg', data: jpeg }
          : null;
        writes?.record(w.cacheKey, image);
        if (image) for (const key of w.keys) shots.set(key, image.hash);
      }
    }),
  );
  return shots;
}

function halves<T>(list: readonly T[]): T[][] {
  const mid = Math.ceil(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
}

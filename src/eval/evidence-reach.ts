import { openStore } from '../../db/client.ts';
import { repositories } from '../../db/repositories/index.ts';
import type { IndicatorTruth } from '../fixture-server/portal-fixture.ts';

/**
 * Evidence reach: of the pages the labels say hold a met indicator's evidence (the page path a
 * label's `where` starts with), the share the crawl captured with status ok. A rule cannot judge a
 * page the crawl never reached, so this bounds recall from the crawler's side.
 */
export interface EvidenceReach {
  /** Distinct evidence pages named by met labels. */
  labelled: number;
  /** Of those, captured with status ok. */
  reached: number;
  /** …of which only by a link check after the crawl (fetchedFor 'link-check'). */
  viaLinkCheck: number;
  /** reached / labelled; null when no met label names a page. */
  share: number | null;
  /** Evidence pages not captured, as the labels write them. */
  missed: string[];
}

/** The fewest pages a capture needs for this measure. */
export interface ReachCapture {
  url: string;
  finalUrl: string;
  status: string;
  fetchedFor?: string;
}

/** The page a label's `where` starts with (`/path?query` or `http://127.0.0.2/…`), fragment dropped; else null. */
export function evidencePageOf(where: string | undefined): string | null {
  const match = where?.match(/^(\/[^\s,;]*|https?:\/\/[^\s,;]*)/)?.[1];
  return match ? pageKey(match.split('#')[0]!) : null;
}

/** A page as labels write it: path (and query) on the main site, `http://host/path` elsewhere; `/x/index.html` = `/x/`. */
function pageKey(page: string): string {
  return page.replace(/\/index\.html(?=$|\?)/, '/');
}

/**
 * Compares the labelled evidence pages with the captures. `origins` maps each served origin to how
 * labels name it: '' for the main site, the host written in the fixture's HTML for others.
 */
export function evidenceReach(
  labels: Record<string, IndicatorTruth>,
  captures: readonly ReachCapture[],
  origins: Record<string, string>,
): EvidenceReach {
  const wanted = new Set<string>();
  for (const label of Object.values(labels)) {
    const page = label.met ? evidencePageOf(label.where) : null;
    if (page) wanted.add(page);
  }
  const captured = new Map<string, boolean>();
  for (const capture of captures) {
    if (capture.status !== 'ok') continue;
    for (const url of [capture.url, capture.finalUrl]) {
      const key = labelKey(url, origins);
      if (key) captured.set(key, (captured.get(key) ?? true) && capture.fetchedFor === 'link-check');
    }
  }
  const missed = [...wanted].filter((page) => !captured.has(page)).sort();
  const reached = wanted.size - missed.length;
  return {
    labelled: wanted.size,
    reached,
    viaLinkCheck: [...wanted].filter((page) => captured.get(page) === true).length,
    share: wanted.size === 0 ? null : reached / wanted.size,
    missed,
  };
}

function labelKey(url: string, origins: Record<string, string>): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = origins[u.origin];
  if (host === undefined) return null;
  const path = pageKey(`${u.pathname}${u.search}`);
  return host === '' ? path : `http://${host}${path}`;
}

/** The captures of the newest run of an evidence store, read-only. */
export function storedCaptures(dbFile: string): ReachCapture[] {
  const store = openStore(dbFile, { readonly: true });
  try {
    const repos = repositories(store);
    const [run] = repos.runs.list({ limit: 1 });
    return run ? repos.pages.listCaptures(run.id) : [];
  } finally {
    store.close();
  }
}

/** Sums portals' reach. */
export function totalReach(reaches: readonly (EvidenceReach | undefined)[]): EvidenceReach {
  const all = reaches.filter((r): r is EvidenceReach => r !== undefined);
  const labelled = all.reduce((n, r) => n + r.labelled, 0);
  const reached = all.reduce((n, r) => n + r.reached, 0);
  return {
    labelled,
    reached,
    viaLinkCheck: all.reduce((n, r) => n + r.viaLinkCheck, 0),
    share: labelled === 0 ? null : reached / labelled,
    missed: all.flatMap((r) => r.missed),
  };
}

/** One line per portal with labelled evidence pages, and the total. */
export function formatEvidenceReach(
  portals: readonly { portal: string; evidenceReach?: EvidenceReach }[],
): string[] {
  const share = (r: EvidenceReach) => (r.share === null ? 'n/a' : r.share.toFixed(2));
  const lines = ['Evidence reach (labelled evidence pages captured ok; link checks included)'];
  for (const p of portals) {
    const r = p.evidenceReach;
    if (!r || r.labelled === 0) continue;
    const missed = r.missed.length ? `; missed ${r.missed.join(' ')}` : '';
    const checks = r.viaLinkCheck ? `, ${r.viaLinkCheck} by link check` : '';
    lines.push(`  ${p.portal}: ${r.reached}/${r.labelled} = ${share(r)}${checks}${missed}`);
  }
  const total = totalReach(portals.map((p) => p.evidenceReach));
  lines.push(`  all: ${total.reached}/${total.labelled} = ${share(total)}`);
  return lines;
}

import type { Level, LevelThreshold, Outcome } from '../core/index.ts';
import type { CampaignScores, ScoredPortal } from './campaign-scores.ts';

export interface PortalSide {
  run_id: number;
  catalog: string;
  catalog_version: string;
  total: number | null;
  relative: number | null;
  level: LevelThreshold['level'] | null;
}

export interface IndicatorChange {
  code: string;
  title: string;
  /** Final value in campaign a / b; null when the indicator was not assessed there. */
  a: Outcome | null;
  b: Outcome | null;
}

export interface PortalDiff {
  url: string;
  country: string | null;
  city: string | null;
  level: Level;
  a: PortalSide;
  b: PortalSide;
  total_delta: number | null;
  relative_delta: number | null;
  level_changed: boolean;
  criteria: Record<string, { a: number | null; b: number | null; delta: number | null }>;
  changed: IndicatorChange[];
}

export interface PortalOnlyIn {
  url: string;
  country: string | null;
  city: string | null;
  level: Level;
}

export interface CampaignDiff {
  a: { campaign: string; round: number | null };
  b: { campaign: string; round: number | null };
  policy: string;
  portals: PortalDiff[];
  only_in_a: PortalOnlyIn[];
  only_in_b: PortalOnlyIn[];
}

/**
 * Per portal of two campaigns (or rounds): indicators whose final value changed and score deltas.
 * Portals are matched by target URL, then by level + country + city (a portal that moved address).
 */
export function diffCampaigns(a: CampaignScores, b: CampaignScores): CampaignDiff {
  const byUrl = new Map(b.portals.map((p) => [p.target.url, p]));
  const byPlace = new Map<string, ScoredPortal>();
  for (const p of b.portals) {
    const key = placeKey(p);
    if (key && !byPlace.has(key)) byPlace.set(key, p);
  }
  const matchedB = new Set<ScoredPortal>();
  const pairs: [ScoredPortal, ScoredPortal][] = [];
  const onlyA: ScoredPortal[] = [];
  for (const pa of a.portals) {
    let pb = byUrl.get(pa.target.url);
    if (!pb || matchedB.has(pb)) {
      const key = placeKey(pa);
      pb = key ? byPlace.get(key) : undefined;
    }
    if (pb && !matchedB.has(pb)) {
      matchedB.add(pb);
      pairs.push([pa, pb]);
    } else onlyA.push(pa);
  }
  return {
    a: { campaign: a.campaign.name, round: a.round },
    b: { campaign: b.campaign.name, round: b.round },
    policy: b.policyText,
    portals: pairs.map(([pa, pb]) => diffPortal(pa, pb)),
    only_in_a: onlyA.map(onlyIn),
    only_in_b: b.portals.filter((p) => !matchedB.has(p)).map(onlyIn),
  };
}

function diffPortal(pa: ScoredPortal, pb: ScoredPortal): PortalDiff {
  const criteria: PortalDiff['criteria'] = {};
  const codes = new Set([...Object.keys(pa.score.criteria), ...Object.keys(pb.score.criteria)]);
  for (const code of codes) {
    const va = pa.score.criteria[code]?.value ?? null;
    const vb = pb.score.criteria[code]?.value ?? null;
    criteria[code] = { a: va, b: vb, delta: delta(va, vb) };
  }
  const finalsA = new Map(pa.finals.map((f) => [f.code, f.outcome]));
  const finalsB = new Map(pb.finals.map((f) => [f.code, f.outcome]));
  const titles = new Map([...pa.catalog.entries, ...pb.catalog.entries].map((e) => [e.code, e.title]));
  const changed: IndicatorChange[] = [];
  for (const code of new Set([...finalsA.keys(), ...finalsB.keys()])) {
    const va = finalsA.get(code) ?? null;
    const vb = finalsB.get(code) ?? null;
    if (va !== vb) changed.push({ code, title: titles.get(code) ?? code, a: va, b: vb });
  }
  changed.sort((x, y) => x.code.localeCompare(y.code, 'en', { numeric: true }));
  const sa = side(pa);
  const sb = side(pb);
  return {
    url: pb.target.url,
    country: pb.target.country ?? pa.target.country ?? null,
    city: pb.target.city ?? pa.target.city ?? null,
    level: pb.target.level,
    a: sa,
    b: sb,
    total_delta: delta(sa.total, sb.total),
    relative_delta: delta(sa.relative, sb.relative),
    level_changed: sa.level !== sb.level,
    criteria,
    changed,
  };
}

function side(p: ScoredPortal): PortalSide {
  return {
    run_id: p.run.id,
    catalog: p.catalog.id,
    catalog_version: p.catalog.version,
    total: p.score.value,
    relative: p.score.relative ?? null,
    level: p.score.level,
  };
}

function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}

function placeKey(p: ScoredPortal): string | null {
  const { level, country, city } = p.target;
  if (!country) return null;
  return JSON.stringify([level, country.toLowerCase(), (city ?? '').toLowerCase()]);
}

function onlyIn(p: ScoredPortal): PortalOnlyIn {
  return {
    url: p.target.url,
    country: p.target.country ?? null,
    city: p.target.city ?? null,
    level: p.target.level,
  };
}

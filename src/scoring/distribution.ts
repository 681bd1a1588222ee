import type { LevelThreshold } from '../core/index.ts';

export const LEVEL_ORDER = [
  'very_high',
  'high',
  'middle',
  'low',
] as const satisfies readonly LevelThreshold['level'][];

export const LEVEL_LABELS: Record<LevelThreshold['level'], string> = {
  very_high: 'Very high',
  high: 'High',
  middle: 'Middle',
  low: 'Low',
};

export interface HistogramBin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound, except the last bin, which includes 1. */
  to: number;
  count: number;
}

/** Totals (0..1) in equal-width bins; null totals (nothing assessed) are not counted. */
export function totalsHistogram(totals: readonly (number | null)[], bins = 10): HistogramBin[] {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: round(i / bins),
    to: round((i + 1) / bins),
    count: 0,
  }));
  for (const t of totals) {
    if (t === null || !Number.isFinite(t)) continue;
    const i = Math.min(bins - 1, Math.max(0, Math.floor(t * bins + 1e-9)));
    (out[i] as HistogramBin).count++;
  }
  return out;
}

/** Portals per level, every level present (0 when none), plus `none` for portals without a level. */
export function levelCounts(
  levels: readonly (LevelThreshold['level'] | null)[],
): Record<LevelThreshold['level'] | 'none', number> {
  const counts = { very_high: 0, high: 0, middle: 0, low: 0, none: 0 };
  for (const level of levels) counts[level ?? 'none']++;
  return counts;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

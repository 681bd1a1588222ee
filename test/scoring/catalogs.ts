import type { Catalog, CatalogEntry, Criterion, LevelThreshold, Outcome } from '../../src/core/index.ts';
import type { ScoredOutcome } from '../../src/scoring/losi-score.ts';

/** The survey's bands: very high > 0.75, high ≥ 0.50, middle ≥ 0.25, low ≥ 0. */
export const BANDS: LevelThreshold[] = [
  { level: 'very_high', min: 0.75 },
  { level: 'high', min: 0.5 },
  { level: 'middle', min: 0.25 },
  { level: 'low', min: 0 },
];

function criterion(code: string, weight = 1): Criterion {
  return { code, name: `Criterion ${code}`, weight, inferred: true };
}

function entries(codes: Record<string, string[]>): CatalogEntry[] {
  return Object.entries(codes).flatMap(([crit, list]) =>
    list.map((code) => ({
      code,
      criterion: crit,
      title: `Indicator ${code}`,
      definition: `Definition of ${code}`,
      method: 'auto' as const,
      ruleId: `test/${code}`,
    })),
  );
}

/** A small city catalog: IF (i1–i3), CP (c1–c3), SP (s1, s2). Weights 1 unless given. */
export function cityCatalog(weights: Partial<Record<'IF' | 'CP' | 'SP', number>> = {}): Catalog {
  return {
    id: 'test-losi',
    version: 't1',
    title: 'Test LOSI',
    level: 'city',
    criteria: [criterion('IF', weights.IF), criterion('CP', weights.CP), criterion('SP', weights.SP)],
    thresholds: BANDS,
    entries: entries({ IF: ['i1', 'i2', 'i3'], CP: ['c1', 'c2', 'c3'], SP: ['s1', 's2'] }),
    rules: [],
    notes: [],
  };
}

/** A small national catalog: modules M1 (weight 2: m1a–m1d) and M2 (weight 1: m2a, m2b). */
export function nationalCatalog(): Catalog {
  return {
    id: 'test-osi',
    version: 't1',
    title: 'Test OSI',
    level: 'national',
    criteria: [criterion('M1', 2), criterion('M2', 1)],
    thresholds: BANDS,
    entries: entries({ M1: ['m1a', 'm1b', 'm1c', 'm1d'], M2: ['m2a', 'm2b'] }),
    rules: [],
    notes: [],
  };
}

/** Outcomes by code, criterion taken from the catalog. */
export function outcomes(catalog: Catalog, byCode: Record<string, Outcome>): ScoredOutcome[] {
  return Object.entries(byCode).map(([code, outcome]) => {
    const entry = catalog.entries.find((e) => e.code === code);
    if (!entry) throw new Error(`no entry ${code}`);
    return { code, criterion: entry.criterion, outcome };
  });
}

import { repositories, type Store } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import type { Catalog, IndicatorResult, Outcome, Target } from '../../src/core/index.ts';

export interface SeedPortal {
  target: Target;
  /** Automated outcome per indicator code (criterion, rule and title from the catalog). */
  outcomes: Record<string, Outcome>;
  /** Reviews appended in order (the last per code is in force). */
  reviews?: { code: string; toValue: 'met' | 'not_met' | 'not_applicable'; reviewer?: string }[];
  /** Evidence page of every result; default the target URL. */
  evidenceUrl?: string;
  round?: number;
}

export interface SeededPortal {
  runId: number;
  targetId: number;
  evaluationId: number;
}

/**
 * A campaign whose runs, evaluations and reviews are written through the recorder and the
 * repositories, as the fleet and the review app will (no crawl: the results are given).
 */
export function seedCampaign(
  store: Store,
  name: string,
  catalog: Catalog,
  portals: readonly SeedPortal[],
): { campaignId: number; portals: SeededPortal[] } {
  const repos = repositories(store);
  const recorder = new Recorder(store);
  const campaignId =
    repos.campaigns.getByName(name)?.id ?? repos.campaigns.create({ name, catalogId: catalog.id });
  const seeded = portals.map((p) => {
    const runId = recorder.startRun({
      target: p.target,
      campaignId,
      round: p.round ?? 1,
      catalogId: catalog.id,
    });
    recorder.write({
      type: 'crawl-end',
      runId,
      end: {
        outcome: 'ok',
        stopReason: 'frontier_exhausted',
        homeUrl: p.target.url,
        finalHomeUrl: p.target.url,
        pages: 1,
        statuses: { ok: 1 },
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:01:00.000Z',
        spa: false,
      },
    });
    const evaluationId = recorder.recordEvaluation(runId, catalog, resultsFor(catalog, p));
    for (const r of p.reviews ?? []) {
      repos.reviews.append({ runId, code: r.code, reviewer: r.reviewer ?? 'ana', toValue: r.toValue });
    }
    return { runId, targetId: recorder.targetIdOfRun(runId), evaluationId };
  });
  return { campaignId, portals: seeded };
}

export function resultsFor(catalog: Catalog, p: SeedPortal): IndicatorResult[] {
  return Object.entries(p.outcomes).map(([code, outcome]) => {
    const entry = catalog.entries.find((e) => e.code === code);
    if (!entry) throw new Error(`${catalog.id} has no indicator ${code}`);
    return {
      ruleId: entry.ruleId,
      code,
      criterion: entry.criterion,
      method: entry.method,
      ruleVersion: 1,
      outcome,
      confidence: 0.9,
      message: `${code} is ${outcome}`,
      evidence:
        outcome === 'not_applicable'
          ? []
          : [{ pageUrl: p.evidenceUrl ?? p.target.url, kind: 'link' as const }],
    };
  });
}

import type { FetchStatus, Level, LevelThreshold, Method, Outcome } from '../../core/index.ts';
import { POSTURE_COLUMNS, type PostureColumns } from '../../posture/posture-columns.ts';
import type { CampaignScores } from '../campaign-scores.ts';
import type { DecidedBy } from '../final-values.ts';
import type { ScoringMethod } from '../losi-score.ts';
import { policyKey } from '../score-policy.ts';

/** One row per portal (README "Campaign exports" documents every column). */
export interface WideRow {
  campaign: string;
  round: number;
  country: string | null;
  city: string | null;
  level: Level;
  url: string;
  run_id: number;
  /** How the crawl of the home page ended: ok, or the failure status (dns_error, timeout, …). */
  outcome: FetchStatus | null;
  catalog: string;
  catalog_version: string;
  evaluation_id: number | null;
  method: ScoringMethod;
  /** met ÷ assessed per criterion (LOSI) or module (OSI) code; null when nothing was assessed. */
  criteria: Record<string, number | null>;
  met: number;
  assessed: number;
  needs_review: number;
  /** LOSI share or OSI raw value, 0..1. */
  total: number | null;
  /** OSI relative value over the campaign's national portals; null for LOSI or without a cohort. */
  relative: number | null;
  score_level: LevelThreshold['level'] | null;
  level_basis: 'absolute' | 'relative' | null;
  policy: string;
}

/** A wide row with the portal's posture columns (security, privacy, speed: see src/posture/). */
export type WideRowWithPosture = WideRow & Partial<{ [K in keyof PostureColumns]: PostureColumns[K] | null }>;

/** One row per portal × indicator. */
export interface LongRow {
  campaign: string;
  country: string | null;
  city: string | null;
  level: Level;
  url: string;
  run_id: number;
  catalog: string;
  code: string;
  criterion: string;
  title: string;
  /** The automated outcome of the latest evaluation; null for an indicator only a review decided. */
  outcome: Outcome | null;
  method: Method | null;
  confidence: number | null;
  final_value: Outcome;
  decided_by: DecidedBy;
  reviewer: string | null;
  review_id: number | null;
  result_id: number | null;
  evidence_url: string | null;
}

/** Criterion codes over every catalog of the campaign, in catalog order, each once. */
export function criterionColumns(scores: CampaignScores): string[] {
  const codes: string[] = [];
  for (const p of scores.portals) {
    for (const c of p.catalog.criteria) if (!codes.includes(c.code)) codes.push(c.code);
  }
  return codes;
}

/** With `postures`, each row carries its run's posture columns (empty for a run not audited). */
export function wideRows(
  scores: CampaignScores,
  postures?: ReadonlyMap<number, PostureColumns>,
): WideRowWithPosture[] {
  const policy = policyKey(scores.policy);
  return scores.portals.map(({ target, run, catalog, evaluation, score }) => ({
    campaign: scores.campaign.name,
    round: run.round,
    country: target.country ?? null,
    city: target.city ?? null,
    level: target.level,
    url: target.url,
    run_id: run.id,
    outcome: run.outcome,
    catalog: catalog.id,
    catalog_version: catalog.version,
    evaluation_id: evaluation?.id ?? null,
    method: score.method ?? 'losi',
    criteria: Object.fromEntries(
      catalog.criteria.map((c) => [c.code, score.criteria[c.code]?.value ?? null]),
    ),
    met: score.met,
    assessed: score.assessed,
    needs_review: score.needsReview,
    total: score.value,
    relative: score.relative ?? null,
    score_level: score.level,
    level_basis: score.level === null ? null : (score.levelBasis ?? 'absolute'),
    policy,
    ...(postures ? (postures.get(run.id) ?? emptyPosture()) : {}),
  }));
}

function emptyPosture(): Record<(typeof POSTURE_COLUMNS)[number], null> {
  return Object.fromEntries(POSTURE_COLUMNS.map((c) => [c, null])) as Record<
    (typeof POSTURE_COLUMNS)[number],
    null
  >;
}

export function longRows(scores: CampaignScores): LongRow[] {
  const rows: LongRow[] = [];
  for (const { target, run, catalog, finals } of scores.portals) {
    const titles = new Map(catalog.entries.map((e) => [e.code, e.title]));
    for (const f of finals) {
      rows.push({
        campaign: scores.campaign.name,
        country: target.country ?? null,
        city: target.city ?? null,
        level: target.level,
        url: target.url,
        run_id: run.id,
        catalog: catalog.id,
        code: f.code,
        criterion: f.criterion,
        title: titles.get(f.code) ?? f.code,
        outcome: f.automated?.outcome ?? null,
        method: f.automated?.method ?? null,
        confidence: f.automated?.confidence ?? null,
        final_value: f.outcome,
        decided_by: f.decidedBy,
        reviewer: f.review?.reviewer ?? null,
        review_id: f.review?.reviewId ?? null,
        result_id: f.automated?.resultId ?? null,
        evidence_url: f.automated?.evidenceUrl ?? null,
      });
    }
  }
  return rows;
}

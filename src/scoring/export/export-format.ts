import { stringify } from 'csv-stringify/sync';
import { TOOL_NAME, TOOL_VERSION } from '../../core/index.ts';
import { POSTURE_COLUMNS, type PostureColumns } from '../../posture/posture-columns.ts';
import type { CampaignScores } from '../campaign-scores.ts';
import { scoringMethodOf } from '../cohort-score.ts';
import { levelCounts, totalsHistogram } from '../distribution.ts';
import { policyKey } from '../score-policy.ts';
import {
  criterionColumns,
  type LongRow,
  longRows,
  type WideRowWithPosture,
  wideRows,
} from './export-tables.ts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TABLES = ['wide', 'long'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const WIDE_HEAD = ['campaign', 'round', 'country', 'city', 'level', 'url', 'run_id', 'outcome'] as const;
const WIDE_META = ['catalog', 'catalog_version', 'evaluation_id', 'method'] as const;
const WIDE_TAIL = [
  'met',
  'assessed',
  'needs_review',
  'total',
  'relative',
  'score_level',
  'level_basis',
  'policy',
] as const;

export const LONG_COLUMNS = [
  'campaign',
  'country',
  'city',
  'level',
  'url',
  'run_id',
  'catalog',
  'code',
  'criterion',
  'title',
  'outcome',
  'method',
  'confidence',
  'final_value',
  'decided_by',
  'reviewer',
  'review_id',
  'result_id',
  'evidence_url',
] as const satisfies readonly (keyof LongRow)[];

/**
 * The wide or the long table as CSV: a header row, RFC 4180 quoting, and cells that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@` … from crawled text) prefixed with a quote.
 */
export function campaignCsv(
  scores: CampaignScores,
  table: ExportTable,
  postures?: ReadonlyMap<number, PostureColumns>,
): string {
  if (table === 'long') {
    return stringify(longRows(scores).map(csvCells), {
      header: true,
      columns: [...LONG_COLUMNS],
      escape_formulas: true,
    });
  }
  const criteria = criterionColumns(scores);
  const records = wideRows(scores, postures).map((row: WideRowWithPosture) => {
    const { criteria: values, ...rest } = row;
    const cells = csvCells(rest);
    for (const code of criteria) cells[code] = cell(values[code] ?? null);
    return cells;
  });
  return stringify(records, {
    header: true,
    columns: [...WIDE_HEAD, ...WIDE_META, ...criteria, ...WIDE_TAIL, ...(postures ? POSTURE_COLUMNS : [])],
    escape_formulas: true,
  });
}

/** Everything in one JSON document: provenance, both tables, and the distribution of totals and levels. */
export function campaignJson(
  scores: CampaignScores,
  tables: readonly ExportTable[] = EXPORT_TABLES,
  postures?: ReadonlyMap<number, PostureColumns>,
) {
  const catalogs = new Map(scores.portals.map((p) => [p.catalog.id, p.catalog]));
  return {
    format: 'portal-audit/campaign-export',
    version: 1,
    generated_at: new Date().toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    campaign: { id: scores.campaign.id, name: scores.campaign.name, round: scores.round },
    policy: {
      needs_review: scores.policy.needsReview,
      error: scores.policy.error,
      key: policyKey(scores.policy),
      text: scores.policyText,
    },
    catalogs: [...catalogs.values()].map((c) => ({
      id: c.id,
      version: c.version,
      level: c.level,
      method: scoringMethodOf(c),
      criteria: c.criteria.map(({ code, name, weight, inferred }) => ({ code, name, weight, inferred })),
      thresholds: c.thresholds,
      notes: c.notes,
    })),
    cohorts: scores.cohorts.map((c) => ({
      catalog: c.catalogId,
      method: c.method,
      portals: c.portals,
      size: c.size,
      min: c.min,
      max: c.max,
    })),
    summary: {
      portals: scores.portals.length,
      levels: levelCounts(scores.portals.map((p) => p.score.level)),
      totals_histogram: totalsHistogram(scores.portals.map((p) => p.score.value)),
    },
    skipped: scores.skipped.map((s) => ({ url: s.target.url, reason: s.reason })),
    warnings: scores.warnings,
    ...(tables.includes('wide') ? { wide: wideRows(scores, postures) } : {}),
    ...(tables.includes('long') ? { long: longRows(scores) } : {}),
  };
}

function csvCells(row: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) out[key] = cell(value);
  return out;
}

/** Empty for null; numbers to at most 6 decimals (enough to recompute, short to read). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return String(value);
}

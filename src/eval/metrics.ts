import { METHODS, type Method } from '../core/index.ts';
import type {
  Calibration,
  CalibrationBin,
  Counts,
  IndicatorRow,
  JudgedIndicator,
  LanguageRow,
  MethodTarget,
} from './eval-types.ts';

/**
 * Accuracy targets per method, on portals nobody here wrote (the field-accuracy issue); manual
 * indicators are left to the assessor: no target.
 */
export const METHOD_TARGETS: readonly { method: Method; minPrecision: number; minRecall: number }[] = [
  { method: 'auto', minPrecision: 0.98, minRecall: 0.97 },
  { method: 'heuristic', minPrecision: 0.95, minRecall: 0.9 },
];

export const CALIBRATION_THRESHOLD = 0.9;
export const CALIBRATION_TARGET = 0.95;
/** Lower bounds of the confidence bins; each bin runs to the next bound (the last includes 1). */
const BIN_BOUNDS = [0, 0.5, 0.7, 0.8, 0.9] as const;

export function countVerdicts(rows: readonly JudgedIndicator[]): Counts {
  const c = {
    labelled: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
    needsReview: 0,
    notAssessed: 0,
    errors: 0,
    unlabelled: 0,
  };
  for (const row of rows) {
    if (row.verdict === 'unlabelled') {
      c.unlabelled++;
      continue;
    }
    c.labelled++;
    if (row.verdict === 'TP') c.tp++;
    else if (row.verdict === 'FP') c.fp++;
    else if (row.verdict === 'FN') c.fn++;
    else if (row.verdict === 'TN') c.tn++;
    else c.notAssessed++;
    if (row.outcome === 'needs_review') c.needsReview++;
    if (row.outcome === 'error') c.errors++;
  }
  return {
    ...c,
    support: c.tp + c.fn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
  };
}

export function byMethod(rows: readonly JudgedIndicator[]): Record<Method, Counts> {
  return Object.fromEntries(
    METHODS.map((m) => [m, countVerdicts(rows.filter((r) => r.method === m))]),
  ) as Record<Method, Counts>;
}

/** One row per portal language, in the order the languages first appear. */
export function byLanguage(rows: readonly JudgedIndicator[]): LanguageRow[] {
  const groups = new Map<string, JudgedIndicator[]>();
  for (const row of rows) {
    const group = groups.get(row.language);
    if (group) group.push(row);
    else groups.set(row.language, [row]);
  }
  return [...groups].map(([language, group]) => ({
    language,
    portals: [...new Set(group.map((r) => r.portal))],
    counts: countVerdicts(group),
    byMethod: byMethod(group),
  }));
}

/** One row per catalog indicator, over every portal, in the order results came (catalog order). */
export function byIndicator(rows: readonly JudgedIndicator[]): IndicatorRow[] {
  const groups = new Map<string, JudgedIndicator[]>();
  for (const row of rows) {
    const key = `${row.catalog}\u0000${row.code}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    return {
      catalog: first.catalog,
      code: first.code,
      method: first.method,
      criterion: first.criterion,
      counts: countVerdicts(group),
    };
  });
}

export function methodTargets(counts: Record<Method, Counts>): MethodTarget[] {
  return METHOD_TARGETS.map(({ method, minPrecision, minRecall }) => {
    const { precision, recall } = counts[method];
    return {
      method,
      minPrecision,
      minRecall,
      precisionOk: precision === null ? null : precision >= minPrecision,
      recallOk: recall === null ? null : recall >= minRecall,
    };
  });
}

/**
 * Is a confident `met` right? The check: among labelled met results with confidence ≥ 0.9, at least
 * 95 % must be labelled met. Bins over met and not_met show where confidence values should move.
 */
export function calibrate(rows: readonly JudgedIndicator[]): Calibration {
  const labelled = rows.filter((r) => r.truth !== null);
  const confidentMet = labelled.filter((r) => r.outcome === 'met' && r.confidence >= CALIBRATION_THRESHOLD);
  const right = confidentMet.filter((r) => r.truth === true).length;
  const share = ratio(right, confidentMet.length);
  const bins: CalibrationBin[] = [];
  for (const outcome of ['met', 'not_met'] as const) {
    BIN_BOUNDS.forEach((min, i) => {
      const max = BIN_BOUNDS[i + 1] ?? 1;
      const last = i === BIN_BOUNDS.length - 1;
      const inBin = labelled.filter(
        (r) =>
          r.outcome === outcome && r.confidence >= min && (last ? r.confidence <= max : r.confidence < max),
      );
      const ok = inBin.filter((r) => r.truth === (outcome === 'met')).length;
      bins.push({ outcome, min, max, count: inBin.length, right: ok, share: ratio(ok, inBin.length) });
    });
  }
  return {
    threshold: CALIBRATION_THRESHOLD,
    target: CALIBRATION_TARGET,
    count: confidentMet.length,
    right,
    share,
    ok: share === null || share >= CALIBRATION_TARGET,
    bins,
  };
}

/** FP and FN rows, false alarms first, then by portal and code. */
export function wrongAnswers(rows: readonly JudgedIndicator[]): JudgedIndicator[] {
  const order = { FP: 0, FN: 1 } as Record<string, number>;
  return rows
    .filter((r) => r.verdict === 'FP' || r.verdict === 'FN')
    .sort(
      (a, b) =>
        order[a.verdict]! - order[b.verdict]! ||
        a.portal.localeCompare(b.portal) ||
        a.code.localeCompare(b.code),
    );
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

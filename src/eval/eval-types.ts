import type { Method, Outcome } from '../core/index.ts';
import type { EvidenceReach } from './evidence-reach.ts';

/**
 * How one result compares with its label. Only `met` counts as a positive answer: needs_review, not_met and
 * error are negatives (a miss when the truth is met). not_applicable means "left to the assessor" and is kept
 * out of the confusion counts.
 */
export const VERDICTS = ['TP', 'FP', 'FN', 'TN', 'not_assessed', 'unlabelled'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** An evidence item as eval prints it: page as a path on the portal (or `host/path` off it). */
export interface EvalEvidence {
  page: string;
  kind: string;
  selector?: string;
  snippet?: string;
  /** Link texts followed from the home page. */
  linkPath?: string[];
  note?: string;
}

export interface JudgedIndicator {
  portal: string;
  /** The portal's language (primary subtag of its labels' `language`: `zh-CN` → `zh`). */
  language: string;
  catalog: string;
  code: string;
  ruleId: string;
  method: Method;
  criterion: string;
  outcome: Outcome;
  confidence: number;
  /** The label, or null when the portal's truth does not label this code. */
  truth: boolean | null;
  /** Where the label says a human finds (or looked for) the feature. */
  truthWhere?: string;
  truthNote?: string;
  verdict: Verdict;
  message: string;
  evidence: EvalEvidence[];
}

export interface Counts {
  /** Results compared with a label (every verdict but unlabelled). */
  labelled: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Labelled results whose outcome was needs_review (counted as FN or TN too). */
  needsReview: number;
  /** Labelled results left to the assessor (not_applicable): outside TP/FP/FN/TN. */
  notAssessed: number;
  /** Labelled results whose rule failed (counted as FN or TN too). */
  errors: number;
  /** Results of codes the truth does not label: skipped. */
  unlabelled: number;
  /** Support: results labelled met that were assessed (TP + FN), the denominator of recall. */
  support: number;
  /** TP / (TP + FP); null when nothing was said met. */
  precision: number | null;
  /** TP / (TP + FN); null when nothing is labelled met. */
  recall: number | null;
}

export interface IndicatorRow {
  catalog: string;
  code: string;
  method: Method;
  criterion: string;
  counts: Counts;
}

/** The results of the portals written in one language, over every method and per method. */
export interface LanguageRow {
  language: string;
  /** The portals in that language, in eval order. */
  portals: string[];
  counts: Counts;
  byMethod: Record<Method, Counts>;
}

export interface CalibrationBin {
  outcome: 'met' | 'not_met';
  /** Confidence range [min, max); the last bin includes 1. */
  min: number;
  max: number;
  count: number;
  right: number;
  share: number | null;
}

export interface Calibration {
  /** Among labelled `met` results with confidence ≥ threshold, the share whose label is met. */
  threshold: number;
  target: number;
  count: number;
  right: number;
  share: number | null;
  ok: boolean;
  bins: CalibrationBin[];
}

export interface MethodTarget {
  method: Method;
  minPrecision: number;
  minRecall: number;
  precisionOk: boolean | null;
  recallOk: boolean | null;
}

export interface PortalSummary {
  portal: string;
  /** The folder that was served. */
  dir: string;
  level: string;
  language: string;
  catalog: string;
  home: string;
  pages: number;
  renderedPages: number;
  externalPages: number;
  stopReason: string;
  seconds: number;
  counts: Counts;
  /** Indicators the truth labels that the catalog has no rule for. */
  labelsWithoutRule: string[];
  /** Labelled evidence pages the crawl captured (see evidence-reach.ts). */
  evidenceReach?: EvidenceReach;
}

export interface EvalReport {
  tool: { name: 'portal-audit'; version: string };
  generatedAt: string;
  /** rejudge: verdicts of today's rules over captures kept by an earlier eval (no crawl). */
  options: { render: string; maxPages: number; catalog: string | null; rejudge: boolean };
  portals: PortalSummary[];
  /** Over all portals. */
  evidenceReach?: EvidenceReach;
  overall: Counts;
  byMethod: Record<Method, Counts>;
  targets: MethodTarget[];
  /** Per portal language: whether a script or lexicon does worse than the others. */
  byLanguage: LanguageRow[];
  byIndicator: IndicatorRow[];
  calibration: Calibration;
  /** Every labelled result that disagrees with its label (FP and FN), with its evidence. */
  wrong: JudgedIndicator[];
  /** Every labelled result, for those who want to compute more. */
  results: JudgedIndicator[];
}

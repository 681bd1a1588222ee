import { z } from 'zod';
import { EVIDENCE_KINDS, FETCH_STATUSES, LEVELS, METHODS, OUTCOMES, STOP_REASONS } from '../core/index.ts';
import { postureSchema } from '../posture/posture-schema.ts';
import type { SiteScore } from '../scoring/losi-score.ts';

/**
 * report.json, defined once: the TypeScript types below are inferred from these schemas, and
 * schemas/report.schema.json is generated from them (`npm run schema`). Documented in the README.
 * Other issues may add fields; never rename or remove one.
 */

const linkStep = z.object({ url: z.string(), text: z.string() });

const siteScore = z.object({
  value: z.number().nullable(),
  met: z.number(),
  assessed: z.number(),
  level: z.enum(['very_high', 'high', 'middle', 'low']).nullable(),
  needsReview: z.number(),
  criteria: z.record(
    z.string(),
    z.object({ met: z.number(), assessed: z.number(), value: z.number().nullable() }),
  ),
  policy: z.string(),
  method: z.enum(['losi', 'osi']).optional(),
  flagged: z.array(z.string()).optional(),
  relative: z.number().nullable().optional(),
  relativeStatus: z.enum(['ok', 'cohort_of_one', 'no_spread', 'not_assessed', 'not_normalised']).optional(),
  levelBasis: z.enum(['absolute', 'relative']).optional(),
  notes: z.array(z.string()).optional(),
});

export const reportEvidenceSchema = z.object({
  pageUrl: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  selector: z.string().optional(),
  snippet: z.string().optional(),
  /** The words the rule matched, as `snippet.slice(start, end)`. */
  highlight: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  linkPath: z.array(linkStep).optional(),
  /** Path of the page screenshot (first viewport) relative to the report directory. */
  screenshot: z.string().optional(),
  /** Path of a picture of the evidence element alone, outlined, relative to the report directory. */
  elementShot: z.string().optional(),
  note: z.string().optional(),
});

export const reportIndicatorSchema = z.object({
  code: z.string(),
  id: z.string(),
  criterion: z.string(),
  title: z.string(),
  /** What the survey looks for, in the catalog's words. */
  definition: z.string().optional(),
  method: z.enum(METHODS),
  outcome: z.enum(OUTCOMES),
  confidence: z.number(),
  message: z.string(),
  evidence: z.array(reportEvidenceSchema),
});

export const accessibilityIssueSchema = z.object({
  ruleId: z.string(),
  impact: z.string().nullable(),
  help: z.string(),
  helpUrl: z.string(),
  /** WCAG success criteria numbers, e.g. ["1.1.1"]. */
  wcag: z.array(z.string()),
  /** Pages where the rule reported nodes. */
  pages: z.array(z.string()),
  /** Total nodes over all pages. */
  nodes: z.number(),
  examples: z.array(
    z.object({
      pageUrl: z.string(),
      selector: z.string(),
      html: z.string(),
      /** axe's own advice for this element ("Fix any of the following: …"). */
      fix: z.string().optional(),
    }),
  ),
});

const reportAccessibility = z.object({
  standard: z.string(),
  engine: z.string().nullable(),
  pagesAudited: z.number(),
  violations: z.array(accessibilityIssueSchema),
  /** axe "incomplete": a person must check these. */
  needsReview: z.array(accessibilityIssueSchema),
});

/** "What to fix first": the not-met indicators by what they are worth, the WCAG problems by reach. */
const reportActions = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      criterion: z.string(),
      outcome: z.enum(OUTCOMES),
      /** Score points (0..1 scale) the portal gains when this indicator is met, all else equal. */
      gain: z.number(),
      /** What the survey looks for, in one sentence. */
      lookedFor: z.string(),
      /** Where the tool looked, in words. */
      searched: z.string(),
    }),
  ),
  accessibility: z.array(
    z.object({
      ruleId: z.string(),
      help: z.string(),
      impact: z.string().nullable(),
      pages: z.number(),
      nodes: z.number(),
      /** Impact weight (critical 4 … minor 1) × pages affected: the order of the list. */
      priority: z.number(),
      /** How to fix it, from axe. */
      fix: z.string(),
      helpUrl: z.string(),
    }),
  ),
});

/** One page the crawler fetched. */
const crawledPage = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.enum(FETCH_STATUSES),
  httpStatus: z.number().nullable(),
  depth: z.number(),
  site: z.enum(['portal', 'external']),
  rendered: z.boolean(),
  title: z.string(),
  linkPath: z.array(linkStep),
});

export const CHANGES = ['new', 'fixed', 'still_failing', 'unchanged', 'changed'] as const;

/** The same site's previous audit in the same evidence store, and what changed since. */
export const comparisonSchema = z.object({
  runId: z.number().int(),
  /** When the earlier audit started (ISO 8601). */
  date: z.string(),
  catalog: z.object({ id: z.string(), version: z.string() }),
  score: z.object({
    before: z.number().nullable(),
    after: z.number().nullable(),
    delta: z.number().nullable(),
  }),
  /**
   * Per indicator in either run: `new` (failing now, was met or absent), `fixed` (met now, was not),
   * `still_failing`, `unchanged` (same outcome, not failing), `changed` (any other move).
   */
  indicators: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      before: z.enum(OUTCOMES).nullable(),
      after: z.enum(OUTCOMES).nullable(),
      change: z.enum(CHANGES),
    }),
  ),
  /** Per WCAG rule failed in either run; empty when either run checked no page in a browser. */
  wcag: z.array(
    z.object({
      ruleId: z.string(),
      help: z.string(),
      pagesBefore: z.number(),
      pagesAfter: z.number(),
      change: z.enum(['new', 'fixed', 'still_failing']),
    }),
  ),
});

export const auditReportSchema = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  generatedAt: z.string(),
  runId: z.number().int(),
  target: z.object({ url: z.string(), finalUrl: z.string().nullable(), level: z.enum(LEVELS) }),
  /**
   * False when the portal's home page was never captured (unreachable, refused, stalled before it):
   * nothing was judged, `indicators` is empty and the score has nothing assessed; `crawl.outcome`
   * and `crawl.message` say why.
   */
  audited: z.boolean(),
  catalog: z.object({ id: z.string(), version: z.string(), title: z.string().optional() }),
  /**
   * Whether the detectors' words exist in the portal's language (its home page's): a language with no
   * bundled lexicon, or a partial one, may hide indicators. Null when the language is not known.
   */
  lexicon: z
    .object({ language: z.string(), bundled: z.boolean(), missingConcepts: z.array(z.string()) })
    .nullable()
    .optional(),
  crawl: z.object({
    outcome: z.enum(FETCH_STATUSES),
    stopReason: z.enum(STOP_REASONS),
    pages: z.number(),
    renderedPages: z.number(),
    externalPages: z.number(),
    spa: z.boolean(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    statuses: z.partialRecord(z.enum(FETCH_STATUSES), z.number()),
    message: z.string().optional(),
    /** Every page fetched, in crawl order. */
    pageList: z.array(crawledPage).optional(),
  }),
  indicators: z.array(reportIndicatorSchema),
  actions: reportActions.optional(),
  accessibility: reportAccessibility,
  score: siteScore,
  /** Null when the store holds no earlier audit of the same site with the same catalog. */
  comparedWith: comparisonSchema.nullable().optional(),
  /** Security, privacy and speed (see src/posture/): not part of the score; absent when not judged. */
  posture: postureSchema.optional(),
});

export type AuditReport = z.infer<typeof auditReportSchema>;
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;
export type AccessibilityIssue = z.infer<typeof accessibilityIssueSchema>;
export type ReportAccessibility = AuditReport['accessibility'];
export type ReportActions = NonNullable<AuditReport['actions']>;
export type CrawledPage = z.infer<typeof crawledPage>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type Change = (typeof CHANGES)[number];

// The score is computed by src/scoring (SiteScore): the report's shape must carry every one of them.
type ScoreFits = SiteScore extends z.infer<typeof siteScore> ? true : never;
export const SCORE_FITS: ScoreFits = true;

import type { Evidence, FetchStatus, Level, LinkStep, Method, Outcome } from '../core/index.ts';
import type { SiteScore } from '../scoring/losi-score.ts';

/**
 * report.json — documented in the README. Other issues may add fields; never rename or remove one.
 */
export interface AuditReport {
  tool: { name: string; version: string };
  generatedAt: string;
  runId: number;
  target: { url: string; finalUrl: string | null; level: Level };
  /**
   * False when the portal's home page was never captured (unreachable, refused, stalled before it):
   * nothing was judged, `indicators` is empty and the score has nothing assessed; `crawl.outcome`
   * and `crawl.message` say why.
   */
  audited: boolean;
  catalog: { id: string; version: string };
  crawl: {
    outcome: FetchStatus;
    stopReason: string;
    pages: number;
    renderedPages: number;
    externalPages: number;
    spa: boolean;
    startedAt: string;
    finishedAt: string | null;
    statuses: Partial<Record<FetchStatus, number>>;
    message?: string;
  };
  indicators: ReportIndicator[];
  accessibility: ReportAccessibility;
  score: SiteScore;
}

export interface ReportEvidence {
  pageUrl: string;
  kind: Evidence['kind'];
  selector?: string;
  snippet?: string;
  linkPath?: LinkStep[];
  /** Path of the screenshot file relative to the report directory. */
  screenshot?: string;
  note?: string;
}

export interface ReportIndicator {
  code: string;
  id: string;
  criterion: string;
  title: string;
  method: Method;
  outcome: Outcome;
  confidence: number;
  message: string;
  evidence: ReportEvidence[];
}

export interface AccessibilityIssue {
  ruleId: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** WCAG success criteria numbers, e.g. ["1.1.1"]. */
  wcag: string[];
  /** Pages where the rule reported nodes. */
  pages: string[];
  /** Total nodes over all pages. */
  nodes: number;
  examples: { pageUrl: string; selector: string; html: string }[];
}

export interface ReportAccessibility {
  standard: string;
  engine: string | null;
  pagesAudited: number;
  violations: AccessibilityIssue[];
  /** axe "incomplete": a person must check these. */
  needsReview: AccessibilityIssue[];
}

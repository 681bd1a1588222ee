import type { LinkStep, PageCapture, SiteArtifactKind, SiteArtifacts } from './capture.ts';
import type { Level } from './target.ts';

/** What a rule may conclude. The engine adds 'error' when a rule throws or lacks a capture. */
export const RULE_OUTCOMES = ['met', 'not_met', 'needs_review', 'not_applicable'] as const;
export type RuleOutcome = (typeof RULE_OUTCOMES)[number];

export const OUTCOMES = [...RULE_OUTCOMES, 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** auto: the machine decides; heuristic: a prefilled verdict an assessor confirms; manual: a human only. */
export const METHODS = ['auto', 'heuristic', 'manual'] as const;
export type Method = (typeof METHODS)[number];

export const EVIDENCE_KINDS = ['link', 'element', 'text', 'http', 'axe-node', 'form'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  pageUrl: string;
  kind: EvidenceKind;
  selector?: string;
  /** At most 500 characters. */
  snippet?: string;
  /** The words a rule matched inside the snippet: `snippet.slice(start, end)`. */
  highlight?: { start: number; end: number };
  /** How the crawler reached pageUrl from the home page. */
  linkPath?: LinkStep[];
  /** Content hash of the page screenshot, when the page was rendered. */
  screenshot?: string;
  /** Short human explanation of why this item is evidence. */
  note?: string;
}

export interface RuleResult {
  outcome: RuleOutcome;
  /** 0..1: how sure the rule is of the outcome (calibrated on the labelled fixtures). */
  confidence: number;
  /** At least one item for every outcome but not_applicable. */
  evidence: Evidence[];
  /** One sentence for the report: what was found or missing. */
  message: string;
}

/** Captures a rule may declare it needs. 'pages' is always available. */
export type CaptureRequirement = 'pages' | 'render' | 'axe' | SiteArtifactKind;

export interface RuleMeta {
  /** `<edition>/<code>-<slug>`: the slug is the edition row's, or its detector's name. */
  id: string;
  /** Indicator code as published (e.g. '206', '269a'). */
  code: string;
  /** Criterion code (IF, CP, SP, PE, EGL, TEC for LOSI 2024). */
  criterion: string;
  title: string;
  /** The methodology's definition, condensed. */
  definition: string;
  method: Method;
  requires: CaptureRequirement[];
  /** Bump when the rule's meaning changes, so stored results say which logic produced them. */
  version: number;
  /**
   * Lexicon concepts whose links lead to this rule's evidence: the crawler visits such links first and
   * renders their pages (see rules/link-hints.ts). `languageSwitch` marks links to other-language versions.
   */
  hints?: readonly string[];
  /**
   * The hints name online services (a building permit, a problem report): an external link so named
   * is captured one hop, since LOSI counts services offered on a site the portal links to.
   */
  hintsNameServices?: boolean;
}

/** What a rule sees: one site's stored captures. Built by the engine from the store; never fetched. */
export interface SiteCaptures {
  target: { url: string; level: Level; language?: string };
  /** The page captured for the home URL (after redirects), if any. */
  home: PageCapture | undefined;
  /** Every captured page of the run, portal and external, including failed fetches (check `status`). */
  pages: PageCapture[];
  artifacts: SiteArtifacts;
}

export interface Rule {
  meta: RuleMeta;
  detect(site: SiteCaptures): RuleResult;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** What a detector says about itself; an edition's row gives the rest of a rule's meta (code, title…). */
export type DetectorMeta = Pick<RuleMeta, 'requires' | 'version' | 'hints' | 'hintsNameServices'>;

/**
 * Finds one feature (a search box, online payment, a privacy statement) in a site's stored captures,
 * whichever edition and level asks for it. A catalog row turns it into a Rule.
 */
export interface Detector {
  meta: DetectorMeta;
  detect(site: SiteCaptures): RuleResult;
}

export function defineDetector(detector: Detector): Detector {
  return detector;
}

/** The stored form of one rule's verdict on one run. */
export interface IndicatorResult {
  ruleId: string;
  code: string;
  criterion: string;
  method: Method;
  ruleVersion: number;
  outcome: Outcome;
  confidence: number;
  message: string;
  evidence: Evidence[];
}

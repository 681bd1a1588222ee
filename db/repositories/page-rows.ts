import type { AxeFinding, AxeSummary, PageCapture } from '../../src/core/index.ts';
import type { AxeFindingKind, axeFindings, axeRuns, pages, StoredCaptureRest } from '../schema/index.ts';
import { packLink, unpackLink } from '../schema/packed-links.ts';

/** Mapping between a PageCapture and its rows: columns + `capture` JSON in `pages`, axe in its own tables. */

export type PageRow = Omit<typeof pages.$inferInsert, 'id'>;
export type AxeRunRow = Omit<typeof axeRuns.$inferInsert, 'id' | 'pageId'>;
export type AxeFindingRow = Omit<typeof axeFindings.$inferInsert, 'id' | 'axeRunId'>;

/** The columns listCaptures reads back (everything but the id-only bookkeeping). */
export interface StoredPageRow {
  id: number;
  url: string;
  finalUrl: string;
  site: PageCapture['site'];
  status: PageCapture['status'];
  httpStatus: number | null;
  depth: number;
  rendered: boolean;
  htmlHash: string | null;
  title: string;
  langDeclared: string | null;
  langDetected: string | null;
  text: string;
  capture: StoredCaptureRest;
  fetchedAt: string;
}

export type StoredAxeRunRow = typeof axeRuns.$inferSelect;
export type StoredAxeFindingRow = Omit<typeof axeFindings.$inferSelect, 'id'>;

export function toPageRow(runId: number, capture: PageCapture): PageRow {
  const {
    url,
    finalUrl,
    site,
    status,
    httpStatus,
    depth,
    rendered,
    htmlHash,
    title,
    lang,
    text,
    fetchedAt,
    render,
    links,
    ...rest
  } = capture;
  let stored: StoredCaptureRest = { ...rest, packedLinks: links.map(packLink) };
  if (render) {
    const { axe: _axe, ...renderRest } = render;
    stored = { ...stored, render: renderRest };
  }
  return {
    runId,
    url,
    finalUrl,
    site,
    status,
    httpStatus,
    depth,
    rendered,
    htmlHash,
    screenshotHash: render?.screenshot ?? null,
    title,
    langDeclared: lang.declared,
    langDetected: lang.detected,
    text,
    capture: stored,
    fetchedAt,
  };
}

export function toAxeRows(axe: AxeSummary): { run: AxeRunRow; findings: AxeFindingRow[] } {
  const finding = (kind: AxeFindingKind, f: AxeFinding): AxeFindingRow => ({
    kind,
    ruleId: f.ruleId,
    impact: f.impact,
    help: f.help,
    helpUrl: f.helpUrl,
    tags: f.tags,
    nodeCount: f.nodeCount,
    nodes: f.nodes,
  });
  return {
    run: {
      engine: axe.engine,
      engineVersion: axe.engineVersion,
      tags: axe.tags,
      passes: axe.passes,
      inapplicable: axe.inapplicable,
    },
    findings: [
      ...axe.violations.map((f) => finding('violation', f)),
      ...axe.incomplete.map((f) => finding('incomplete', f)),
    ],
  };
}

/** Rebuilds one AxeSummary per page from a run's axe rows; findings must come in id order. */
export function axeSummariesByPage(
  runRows: readonly StoredAxeRunRow[],
  findingRows: readonly StoredAxeFindingRow[],
): Map<number, AxeSummary> {
  const byRun = new Map<number, AxeSummary>();
  const byPage = new Map<number, AxeSummary>();
  for (const row of runRows) {
    const summary: AxeSummary = {
      engine: row.engine,
      engineVersion: row.engineVersion,
      tags: row.tags,
      violations: [],
      incomplete: [],
      passes: row.passes,
      inapplicable: row.inapplicable,
    };
    byRun.set(row.id, summary);
    byPage.set(row.pageId, summary);
  }
  for (const { axeRunId, kind, ...f } of findingRows) {
    const summary = byRun.get(axeRunId);
    if (!summary) continue;
    (kind === 'violation' ? summary.violations : summary.incomplete).push(f);
  }
  return byPage;
}

export function fromPageRow(row: StoredPageRow, axe: AxeSummary | undefined): PageCapture {
  const { render, packedLinks, ...rest } = row.capture;
  const capture: PageCapture = {
    ...rest,
    links: packedLinks.map(unpackLink),
    url: row.url,
    finalUrl: row.finalUrl,
    site: row.site,
    status: row.status,
    httpStatus: row.httpStatus,
    depth: row.depth,
    rendered: row.rendered,
    htmlHash: row.htmlHash,
    title: row.title,
    lang: { declared: row.langDeclared, detected: row.langDetected },
    text: row.text,
    fetchedAt: row.fetchedAt,
  };
  if (render) capture.render = { ...render, axe: axe ?? null };
  return capture;
}

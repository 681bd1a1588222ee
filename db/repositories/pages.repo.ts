import { and, asc, eq, sql } from 'drizzle-orm';
import type { PageCapture } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { axeFindings, axeRuns, pages } from '../schema/index.ts';
import { axeSummariesByPage, fromPageRow, type PageRow, toAxeRows, toPageRow } from './page-rows.ts';

const p = sql.placeholder;

/** Column list read back for captures (everything listCaptures needs, nothing else). */
const captureColumns = {
  id: pages.id,
  url: pages.url,
  finalUrl: pages.finalUrl,
  site: pages.site,
  status: pages.status,
  httpStatus: pages.httpStatus,
  depth: pages.depth,
  rendered: pages.rendered,
  htmlHash: pages.htmlHash,
  title: pages.title,
  langDeclared: pages.langDeclared,
  langDetected: pages.langDetected,
  text: pages.text,
  capture: pages.capture,
  fetchedAt: pages.fetchedAt,
};

const findingColumns = {
  axeRunId: axeFindings.axeRunId,
  kind: axeFindings.kind,
  ruleId: axeFindings.ruleId,
  impact: axeFindings.impact,
  help: axeFindings.help,
  helpUrl: axeFindings.helpUrl,
  tags: axeFindings.tags,
  nodeCount: axeFindings.nodeCount,
  nodes: axeFindings.nodes,
};

function prepareStatements(store: Store) {
  const { db } = store;
  const placeholders = (keys: readonly (keyof PageRow)[]) =>
    Object.fromEntries(keys.map((k) => [k, p(k)])) as unknown as PageRow;
  const pageKeys = [
    'runId',
    'url',
    'finalUrl',
    'site',
    'status',
    'httpStatus',
    'depth',
    'rendered',
    'htmlHash',
    'screenshotHash',
    'title',
    'langDeclared',
    'langDetected',
    'text',
    'capture',
    'fetchedAt',
  ] as const satisfies readonly (keyof PageRow)[];
  const excluded = Object.fromEntries(
    pageKeys
      .filter((k) => k !== 'runId' && k !== 'url')
      .map((k) => [k, sql.raw(`excluded.${pages[k].name}`)]),
  );
  return {
    upsertPage: db
      .insert(pages)
      .values(placeholders(pageKeys))
      .onConflictDoUpdate({ target: [pages.runId, pages.url], set: excluded })
      .returning({ id: pages.id })
      .prepare(),
    deleteAxe: db
      .delete(axeRuns)
      .where(eq(axeRuns.pageId, p('pageId')))
      .prepare(),
    insertAxeRun: db
      .insert(axeRuns)
      .values({
        pageId: p('pageId'),
        engine: p('engine'),
        engineVersion: p('engineVersion'),
        tags: p('tags'),
        passes: p('passes'),
        inapplicable: p('inapplicable'),
      })
      .returning({ id: axeRuns.id })
      .prepare(),
    insertFinding: db
      .insert(axeFindings)
      .values({
        axeRunId: p('axeRunId'),
        kind: p('kind'),
        ruleId: p('ruleId'),
        impact: p('impact'),
        help: p('help'),
        helpUrl: p('helpUrl'),
        tags: p('tags'),
        nodeCount: p('nodeCount'),
        nodes: p('nodes'),
      })
      .prepare(),
    pagesOfRun: db
      .select(captureColumns)
      .from(pages)
      .where(eq(pages.runId, p('runId')))
      .orderBy(asc(pages.id))
      .prepare(),
    pageByUrl: db
      .select(captureColumns)
      .from(pages)
      .where(and(eq(pages.runId, p('runId')), eq(pages.url, p('url'))))
      .prepare(),
    axeRunsOfRun: db
      .select({
        id: axeRuns.id,
        pageId: axeRuns.pageId,
        engine: axeRuns.engine,
        engineVersion: axeRuns.engineVersion,
        tags: axeRuns.tags,
        passes: axeRuns.passes,
        inapplicable: axeRuns.inapplicable,
      })
      .from(axeRuns)
      .innerJoin(pages, eq(pages.id, axeRuns.pageId))
      .where(eq(pages.runId, p('runId')))
      .prepare(),
    findingsOfRun: db
      .select(findingColumns)
      .from(axeFindings)
      .innerJoin(axeRuns, eq(axeRuns.id, axeFindings.axeRunId))
      .innerJoin(pages, eq(pages.id, axeRuns.pageId))
      .where(eq(pages.runId, p('runId')))
      .orderBy(asc(axeFindings.id))
      .prepare(),
    axeRunsOfPage: db
      .select()
      .from(axeRuns)
      .where(eq(axeRuns.pageId, p('pageId')))
      .prepare(),
    findingsOfPage: db
      .select(findingColumns)
      .from(axeFindings)
      .innerJoin(axeRuns, eq(axeRuns.id, axeFindings.axeRunId))
      .where(eq(axeRuns.pageId, p('pageId')))
      .orderBy(asc(axeFindings.id))
      .prepare(),
    countOfRun: db
      .select({ n: sql<number>`count(*)` })
      .from(pages)
      .where(eq(pages.runId, p('runId')))
      .prepare(),
  };
}

/** Page captures of a run, keyed by (run, requested URL): recording the same page twice keeps one row. */
export class PagesRepo {
  private readonly q: ReturnType<typeof prepareStatements>;

  constructor(private readonly store: Store) {
    this.q = prepareStatements(store);
  }

  /** Inserts or replaces the page and its axe rows in one transaction; returns the page id. */
  upsert(runId: number, capture: PageCapture): number {
    return this.store.transaction(() => {
      const row = this.q.upsertPage.get(toPageRow(runId, capture) as Record<string, unknown>);
      if (!row) throw new Error(`Could not record page ${capture.url} of run ${runId}`);
      const pageId = row.id;
      this.q.deleteAxe.run({ pageId });
      const axe = capture.render?.axe;
      if (axe) {
        const rows = toAxeRows(axe);
        const axeRun = this.q.insertAxeRun.get({ pageId, ...rows.run });
        if (!axeRun) throw new Error(`Could not record the axe run of ${capture.url}`);
        for (const finding of rows.findings) this.q.insertFinding.run({ axeRunId: axeRun.id, ...finding });
      }
      return pageId;
    });
  }

  /** Every capture of the run in the order first recorded, exactly as emitted. Two queries in all. */
  listCaptures(runId: number): PageCapture[] {
    const rows = this.q.pagesOfRun.all({ runId });
    if (rows.length === 0) return [];
    const axe = axeSummariesByPage(this.q.axeRunsOfRun.all({ runId }), this.q.findingsOfRun.all({ runId }));
    return rows.map((row) => fromPageRow(row, axe.get(row.id)));
  }

  getCapture(runId: number, url: string): PageCapture | null {
    const row = this.q.pageByUrl.get({ runId, url });
    if (!row) return null;
    const axe = axeSummariesByPage(
      this.q.axeRunsOfPage.all({ pageId: row.id }),
      this.q.findingsOfPage.all({ pageId: row.id }),
    );
    return fromPageRow(row, axe.get(row.id));
  }

  count(runId: number): number {
    return this.q.countOfRun.get({ runId })?.n ?? 0;
  }
}

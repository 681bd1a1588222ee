import { existsSync } from 'node:fs';
import { openStore } from '../../db/client.ts';
import { repositories } from '../../db/repositories/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { type Catalog, UserError } from '../core/index.ts';
import { evaluateRun } from '../pipeline/evaluate-run.ts';
import type { JudgeInput } from './judge.ts';

export interface StoredJudgement {
  results: JudgeInput[];
  catalogId: string;
  pages: number;
  externalPages: number;
  renderedPages: number;
  stopReason: string;
  /** Origin of the home page when the captures were made (ports differ between eval runs). */
  origin: string;
}

/**
 * Judges the newest run of an evidence store kept by an earlier `eval --keep` again, with today's rules, without
 * crawling: the "gather once, judge many times" loop for tuning rules and confidences. The new verdicts are
 * recorded as a new evaluation of that run.
 */
export function rejudgeStored(dbFile: string, catalog: Catalog): StoredJudgement {
  if (!existsSync(dbFile)) {
    throw new UserError(
      `--rejudge: no evidence store at ${dbFile}; run eval once with the same --keep first.`,
    );
  }
  const store = openStore(dbFile);
  try {
    const [run] = repositories(store).runs.list({ limit: 1 });
    if (!run) throw new UserError(`--rejudge: ${dbFile} holds no run.`);
    const { results, site } = evaluateRun(store, new Recorder(store), run.id, catalog);
    const portalPages = site.pages.filter((p) => p.site !== 'external');
    return {
      results: results.map((r) => ({ ...r, id: r.ruleId })),
      catalogId: catalog.id,
      pages: portalPages.length,
      externalPages: site.pages.length - portalPages.length,
      renderedPages: site.pages.filter((p) => p.render).length,
      stopReason: run.stopReason ?? 'unknown',
      origin: new URL(run.homeUrl).origin,
    };
  } finally {
    store.close();
  }
}

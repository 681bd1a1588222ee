import { openStore, type RunListing, repositories, type Store } from '../../../db/index.ts';
import { UserError } from '../../core/index.ts';
import { compareRuns } from '../../report/comparison.ts';
import { points } from '../../report/html/words.ts';
import type { Comparison } from '../../report/report-types.ts';
import { scoreRun } from '../../scoring/run-score.ts';

function withStore<T>(dbFile: string, fn: (store: Store) => T): T {
  const store = openStore(dbFile, { mustExist: true });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export function listRuns(o: { db: string; limit: number; json?: boolean }): void {
  withStore(o.db, (store) => {
    const repos = repositories(store);
    const runs = repos.runHistory.list(o.limit).map((run) => ({
      ...run,
      score: run.evaluated ? scoreRun(repos, run.id).score.value : null,
    }));
    if (o.json) {
      process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
      return;
    }
    if (runs.length === 0) {
      process.stdout.write('No audits in this store yet.\n');
      return;
    }
    const lines = runs.map(
      (r) =>
        `${String(r.id).padStart(5)}  ${r.startedAt.slice(0, 16).replace('T', ' ')}  ${state(r).padEnd(22)}  ${(r.score === null ? '–' : `${Math.round(r.score * 100)} %`).padStart(5)}  ${r.catalogId.padEnd(10)}  ${r.finalUrl ?? r.url}${r.campaign ? `  (campaign ${r.campaign})` : ''}`,
    );
    process.stdout.write(
      `  run  started (UTC)     state                   score  catalog     portal\n${lines.join('\n')}\n`,
    );
  });
}

function state(r: RunListing): string {
  if (r.status === 'running') return 'running';
  if (r.status === 'interrupted') return `interrupted, ${r.pages} pages`;
  if (r.outcome && r.outcome !== 'ok') return `not audited (${r.outcome})`;
  return `${r.pages} pages`;
}

export function diffRuns(a: number, b: number, o: { db: string; all?: boolean; json?: boolean }): void {
  withStore(o.db, (store) => {
    const repos = repositories(store);
    for (const id of [a, b]) {
      const run = repos.runs.get(id);
      if (!run) throw new UserError(`No run ${id} in ${store.file}. List the runs with: portal-audit runs`);
      if (!repos.evaluations.latestForRun(id))
        throw new UserError(`Run ${id} was never judged (its portal was not audited): nothing to compare.`);
    }
    const comparison = compareRuns(store, a, b);
    if (o.json) process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    else process.stdout.write(formatComparison(comparison, repos.runs.require(b), o.all ?? false));
  });
}

const LABEL: Record<string, string> = {
  new: 'New problems',
  fixed: 'Fixed',
  still_failing: 'Still failing',
  changed: 'Other changes',
  unchanged: 'Unchanged',
};

function formatComparison(c: Comparison, later: { id: number; startedAt: string }, all: boolean): string {
  const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)} %`);
  const lines = [
    `Run ${c.runId} (${c.date.slice(0, 10)}) → run ${later.id} (${later.startedAt.slice(0, 10)}): score ${pct(c.score.before)} → ${pct(c.score.after)}${c.score.delta === null ? '' : ` (${points(c.score.delta)})`}`,
  ];
  for (const change of ['new', 'fixed', 'still_failing', 'changed', ...(all ? ['unchanged'] : [])]) {
    const items = c.indicators.filter((i) => i.change === change);
    if (items.length === 0) continue;
    lines.push(`${LABEL[change]} (${items.length}):`);
    for (const i of items)
      lines.push(
        `  ${i.code.padEnd(5)} ${i.title}: ${i.before ?? 'not assessed'} → ${i.after ?? 'not assessed'}`,
      );
  }
  if (c.wcag.length) {
    lines.push('WCAG rules:');
    for (const w of c.wcag)
      lines.push(
        `  ${w.change.replace('_', ' ').padEnd(13)} ${w.ruleId}: ${w.pagesBefore} → ${w.pagesAfter} page(s)`,
      );
  }
  return `${lines.join('\n')}\n`;
}

import type { Command } from 'commander';
import { defaultDbPath } from '../../../db/paths.ts';
import { positiveInt } from '../option-parsers.ts';

interface RunsOptions {
  db: string;
  limit: number;
  json?: boolean;
}

/** `portal-audit runs` (past audits in the store) and `portal-audit diff <runA> <runB>`. */
export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list past audits in the evidence store, newest first (self-audits and campaign runs)')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .option('--limit <n>', 'how many runs to list', positiveInt('--limit'), 50)
    .option('--json', 'print the list as JSON')
    .action(async (o: RunsOptions) => {
      const { listRuns } = await import('./runs-actions.ts');
      listRuns(o);
    });

  program
    .command('diff')
    .description('compare two audits: per-indicator and per-WCAG-rule changes and the score delta')
    .argument('<runA>', 'the earlier run id', positiveInt('<runA>'))
    .argument('<runB>', 'the later run id', positiveInt('<runB>'))
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .option('--all', 'list unchanged indicators too')
    .option('--json', 'print the comparison as JSON (the shape of report.json `comparedWith`)')
    .action(async (a: number, b: number, o: { db: string; all?: boolean; json?: boolean }) => {
      const { diffRuns } = await import('./runs-actions.ts');
      diffRuns(a, b, o);
    });
}

import type { Command } from 'commander';
import { DEFAULT_BUDGET, RENDER_MODES, type RenderMode, UserError } from '../../core/index.ts';
import type { EvalTargetSpec } from '../../eval/eval-targets.ts';
import { oneOf, positiveInt } from '../option-parsers.ts';

interface EvalCliOptions {
  json?: boolean;
  render: RenderMode;
  catalog?: string;
  maxPages: number;
  truth?: string;
  truthDir?: string;
  home?: string;
  keep?: string;
  rejudge?: boolean;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'measure accuracy: serve labelled portals (<dir>/site + <dir>/truth.json) on 127.0.0.1, audit each, ' +
        'and compare every indicator with its label (TP/FP/FN, precision, recall, calibration, wrong answers)',
    )
    .argument('<dir...>', 'portal folders, e.g. fixtures/portals/*')
    .option('--json', 'print the whole result as one JSON object')
    .option('--render <mode>', 'auto | all | none', oneOf('--render', RENDER_MODES), 'auto')
    .option(
      '--catalog <id|file>',
      "catalog id or edition file for every portal (default: the one each portal's level picks)",
    )
    .option(
      '--max-pages <n>',
      'pages to fetch per portal',
      positiveInt('--max-pages'),
      DEFAULT_BUDGET.maxPages,
    )
    .option('--truth <file>', 'labels (truth.json format) for a folder without truth.json; one folder only')
    .option('--truth-dir <dir>', 'labels as <dir>/<folder name>.json for folders without truth.json')
    .option('--home <path>', "home page path, overriding the labels' home; one folder only")
    .option('--keep <dir>', "keep each portal's evidence store and report under <dir>/<portal>/")
    .option('--rejudge', 'with --keep: judge the captures kept there again with the current rules (no crawl)')
    .action(async (dirs: string[], options: EvalCliOptions) => {
      process.exitCode = await runEvalCommand(dirs, options);
    });
}

async function runEvalCommand(dirs: string[], options: EvalCliOptions): Promise<number> {
  if (dirs.length > 1 && (options.truth || options.home)) {
    throw new UserError('--truth and --home apply to one folder; for several, use --truth-dir.');
  }
  const targets: EvalTargetSpec[] = dirs.map((dir) => ({
    dir,
    truthFile: options.truth,
    truthDir: options.truthDir,
    home: options.home,
  }));
  // Loaded on demand: eval pulls in the whole pipeline, which `--help` does not need.
  const { runEval } = await import('../../eval/run-eval.ts');
  const report = await runEval({
    targets,
    render: options.render,
    maxPages: options.maxPages,
    catalogId: options.catalog,
    keepDir: options.keep,
    rejudge: options.rejudge,
    onMessage: (text) => process.stderr.write(`${text}\n`),
  });
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const { formatEval } = await import('../../eval/format-eval.ts');
    process.stdout.write(formatEval(report));
  }
  return 0;
}

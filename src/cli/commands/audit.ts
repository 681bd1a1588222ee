import type { Command } from 'commander';
import { defaultDbPath } from '../../../db/paths.ts';
import { type AllowPrivate, DEFAULT_BUDGET, LEVELS, RENDER_MODES, trace } from '../../core/index.ts';
import type { AuditRequest } from '../../pipeline/audit-site.ts';
import { EXTRA_FORMATS, type ExtraFormat } from '../../report/formats.ts';
import {
  allowPrivateHosts,
  listOf,
  nonNegativeInt,
  oneOf,
  pemCertificates,
  positiveInt,
  score01,
} from '../option-parsers.ts';
import { printAuditSummary } from '../print-summary.ts';
import { ProgressLine } from '../progress.ts';

export interface AuditCliOptions {
  level: AuditRequest['level'];
  catalog?: string;
  maxPages: number;
  maxDepth: number;
  maxSeconds: number;
  pageTimeout: number;
  render?: AuditRequest['render'];
  out: string;
  db: string;
  json?: boolean;
  format?: ExtraFormat[];
  csv?: boolean;
  failUnder?: number;
  allowPrivate?: AllowPrivate;
  contact?: string;
  /** The PEM text of --ca-file (read when the option is parsed). */
  caFile?: string;
}

export function addAuditOptions(cmd: Command): Command {
  return cmd
    .option('--level <level>', 'city or national portal', oneOf('--level', LEVELS), 'city')
    .option(
      '--catalog <id|file>',
      "indicator catalog: losi-2024, osi-2024 or an edition file (.yaml, .json); default: the level's catalog",
    )
    .option(
      '--max-pages <n>',
      'pages to fetch from the portal',
      positiveInt('--max-pages'),
      DEFAULT_BUDGET.maxPages,
    )
    .option(
      '--max-depth <n>',
      'link depth from the home page',
      nonNegativeInt('--max-depth'),
      DEFAULT_BUDGET.maxDepth,
    )
    .option('--max-seconds <n>', 'time budget for the crawl (0 = none)', nonNegativeInt('--max-seconds'), 0)
    .option('--page-timeout <seconds>', 'hard timeout per page', positiveInt('--page-timeout'), 30)
    .option(
      '--render <mode>',
      'auto | all | none: which pages to load in Chromium (default: auto; none when no indicator of the catalog reads a rendered page)',
      oneOf('--render', RENDER_MODES),
    )
    .option('--out <dir>', 'report directory', './portal-audit-report')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .option('--json', 'print report.json to stdout')
    .option(
      '--format <formats>',
      'also write these beside report.json and report.html: sarif (report.sarif, SARIF 2.1.0), csv',
      listOf('--format', EXTRA_FORMATS),
    )
    .option('--csv', 'also write report.csv (same as --format csv)')
    .option('--fail-under <score>', 'exit 2 when the score (0..1) is lower', score01)
    .option(
      '--allow-private [hosts]',
      'allow private or loopback addresses: all, or only the given host[:port] list (e.g. 127.0.0.1:8080,intranet.example)',
      allowPrivateHosts,
    )
    .option('--contact <url>', 'contact URL sent in the User-Agent')
    .option(
      '--ca-file <pem>',
      "certificates the HTTPS check trusts besides Node's roots (an intranet CA)",
      pemCertificates,
    );
}

export function registerAudit(program: Command): void {
  addAuditOptions(
    program
      .command('audit')
      .description(
        'crawl a portal, check LOSI/OSI indicators and WCAG, store the evidence and write a report',
      )
      .argument('<url>', "the portal's home page"),
  ).action(async (url: string, options: AuditCliOptions) => {
    process.exitCode = await runAuditCommand(url, options);
  });
}

/** The portal's home page could not be captured: nothing was judged (the report says why). */
export const EXIT_NOT_AUDITED = 3;

/** Runs one audit with a progress line and Ctrl-C handling; returns the exit code. */
export async function runAuditCommand(url: string, options: AuditCliOptions): Promise<number> {
  const progress = new ProgressLine({ maxSeconds: options.maxSeconds });
  const controller = new AbortController();
  const onSigint = () => {
    progress.message('Interrupted: finishing the report with the pages captured so far…');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    // Loaded on demand: the pipeline pulls in the browser, the store and every rule, which `--help` does not need.
    trace('cli: loading the pipeline');
    const { auditSite } = await import('../../pipeline/audit-site.ts');
    trace('cli: pipeline loaded');
    const outcome = await auditSite({
      url,
      level: options.level,
      catalogId: options.catalog,
      budget: { maxPages: options.maxPages, maxDepth: options.maxDepth, maxSeconds: options.maxSeconds },
      render: options.render,
      allowPrivate: options.allowPrivate ?? false,
      dbFile: options.db,
      outDir: options.out,
      formats: [...new Set([...(options.format ?? []), ...(options.csv ? (['csv'] as const) : [])])],
      contactUrl: options.contact,
      ...(options.caFile ? { trustedCa: [options.caFile] } : {}),
      pageTimeoutMs: options.pageTimeout * 1000,
      signal: controller.signal,
      onProgress: (p) => progress.update(p),
      onNotice: (line) => {
        progress.done();
        process.stderr.write(`${line}\n`);
      },
    });
    progress.done();
    if (options.json) process.stdout.write(`${JSON.stringify(outcome.report, null, 2)}\n`);
    else printAuditSummary(outcome);
    if (!outcome.report.audited) return EXIT_NOT_AUDITED;
    const score = outcome.report.score.value;
    if (options.failUnder !== undefined && (score === null || score < options.failUnder)) {
      process.stderr.write(
        `portal-audit: the score ${score === null ? 'n/a' : score.toFixed(3)} is below --fail-under ${options.failUnder}.\n`,
      );
      return 2;
    }
    return 0;
  } finally {
    progress.done();
    process.removeListener('SIGINT', onSigint);
  }
}

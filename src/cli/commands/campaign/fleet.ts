import { type Command, InvalidArgumentError } from 'commander';
import { defaultDbPath } from '../../../../db/paths.ts';
import {
  type AllowPrivate,
  DEFAULT_BUDGET,
  LEVELS,
  type Level,
  RENDER_MODES,
  type RenderMode,
} from '../../../core/index.ts';
import { allowPrivateHosts, nonNegativeInt, oneOf, positiveInt } from '../../option-parsers.ts';

interface CreateCli {
  targets: string;
  catalog?: string;
  level: Level;
  maxPages: number;
  maxDepth: number;
  maxSeconds: number;
  render: RenderMode;
  allowPrivate?: AllowPrivate;
  attempts: number;
  retryDelay: number;
  markup: boolean;
  contact?: string;
  columns?: string;
  db: string;
}

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number > 0.`);
    return n;
  };
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('--rendered-share must be a number from 0 to 1.');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('--retry-delay must be a number of seconds ≥ 0.');
  return n;
}

/**
 * [fleet] campaign create | run | status | retry | list | plan | schedule. Actions load their modules on
 * demand, so `--help` does not pull in BullMQ, the browser or the rules.
 */
export function registerCampaignFleetCommands(campaign: Command): void {
  const db = (cmd: Command) => cmd.option('--db <file>', 'evidence store (SQLite)', defaultDbPath());

  db(
    campaign
      .command('create')
      .description('create a campaign from a CSV target list (url, level, country, city, language)')
      .argument('<name>', 'campaign name')
      .requiredOption('--targets <file.csv>', 'CSV with a header row; column url required')
      .option('--catalog <id>', "indicator catalog for every target (default: each target's level's catalog)")
      .option('--level <level>', 'level of rows without one', oneOf('--level', LEVELS), 'city')
      .option('--max-pages <n>', 'pages per portal', positiveInt('--max-pages'), DEFAULT_BUDGET.maxPages)
      .option('--max-depth <n>', 'link depth', nonNegativeInt('--max-depth'), DEFAULT_BUDGET.maxDepth)
      .option('--max-seconds <n>', 'time budget per portal (0 = none)', nonNegativeInt('--max-seconds'), 0)
      .option('--render <mode>', 'auto | all | none', oneOf('--render', RENDER_MODES), 'auto')
      .option(
        '--allow-private [hosts]',
        'allow private or loopback addresses: all, or only the given host[:port] list (e.g. 127.0.0.1:8080,intranet.example)',
        allowPrivateHosts,
      )
      .option('--attempts <n>', 'attempts per portal on transient failures', positiveInt('--attempts'), 3)
      .option('--retry-delay <seconds>', 'wait before the 2nd attempt (doubles after)', seconds, 60)
      .option('--no-markup', 'skip the W3C Nu markup check (faster; indicator 208 then needs review)')
      .option('--contact <url>', 'contact URL sent in the User-Agent')
      .option('--columns <map>', 'read other headers, e.g. "url=Domain name,city=City"'),
  ).action(async (name: string, o: CreateCli) => {
    const { createCampaignCommand } = await import('../../../campaign/commands/create.ts');
    process.exitCode = createCampaignCommand(name, {
      db: o.db,
      targets: o.targets,
      ...(o.catalog ? { catalog: o.catalog } : {}),
      level: o.level,
      budget: { maxPages: o.maxPages, maxDepth: o.maxDepth, maxSeconds: o.maxSeconds },
      render: o.render,
      allowPrivate: o.allowPrivate ?? false,
      attempts: o.attempts,
      retryDelaySeconds: o.retryDelay,
      validateMarkup: o.markup,
      ...(o.contact ? { contact: o.contact } : {}),
      ...(o.columns ? { columns: o.columns } : {}),
    });
  });

  db(
    campaign
      .command('run')
      .description(
        'run the current round: with REDIS_URL, queue it and coordinate the workers; without, crawl in this process',
      )
      .argument('<name>')
      .option('--concurrency <n>', 'sites at once, in-process mode only', positiveInt('--concurrency'), 2)
      .option('--new-round', 'start a new round when the latest one is finished')
      .option('--follow', 'keep running and start a round at every scheduled firing (REDIS_URL)'),
  ).action(
    async (name: string, o: { db: string; concurrency: number; newRound?: boolean; follow?: boolean }) => {
      const { runCampaignCommand } = await import('../../../campaign/commands/run.ts');
      process.exitCode = await runCampaignCommand(name, o);
    },
  );

  db(
    campaign
      .command('status')
      .description("a campaign's rounds, outcomes and, with REDIS_URL, its queue and schedule")
      .argument('<name>')
      .option('--json', 'machine-readable output'),
  ).action(async (name: string, o: { db: string; json?: boolean }) => {
    const { statusCommand } = await import('../../../campaign/commands/status.ts');
    process.exitCode = await statusCommand(name, o);
  });

  db(
    campaign
      .command('retry')
      .description('crawl again the targets of the latest round that ended in these statuses')
      .argument('<name>')
      .option('--status <list>', 'comma-separated statuses (default: timeout,connection_reset,… and error)'),
  ).action(async (name: string, o: { db: string; status?: string }) => {
    const { retryCommand } = await import('../../../campaign/commands/retry.ts');
    process.exitCode = await retryCommand(name, o);
  });

  db(
    campaign
      .command('list')
      .description('campaigns in the store')
      .option('--json', 'machine-readable output'),
  ).action(async (o: { db: string; json?: boolean }) => {
    const { listCommand } = await import('../../../campaign/commands/status.ts');
    process.exitCode = listCommand(o);
  });

  campaign
    .command('plan')
    .description(
      'project a campaign: hours per cycle, workers and coordinators needed, Redis memory and disk, from measured figures',
    )
    .argument('<targets>', 'the CSV target list (or a number of targets)')
    .option('--pages <n>', 'pages per portal', positiveInt('--pages'), 200)
    .option('--workers <n>', 'worker machines, one `portal-audit worker` each', positiveInt('--workers'), 4)
    .option('--render <mode>', 'auto | all | none', oneOf('--render', RENDER_MODES), 'auto')
    .option('--goal <hours>', 'hours a cycle should take', positiveNumber('--goal'), 2)
    .option(
      '--coordinators <n>',
      '`campaign run` processes sharing the store',
      positiveInt('--coordinators'),
      1,
    )
    .option('--rendered-share <0..1>', 'share of pages --render auto renders (default: as measured)', share)
    .option('--json', 'machine-readable output')
    .action(
      async (
        targets: string,
        o: {
          pages: number;
          workers: number;
          render: RenderMode;
          goal: number;
          coordinators: number;
          renderedShare?: number;
          json?: boolean;
        },
      ) => {
        const { planCommand } = await import('../../../campaign/commands/plan.ts');
        process.exitCode = planCommand(targets, {
          pages: o.pages,
          workers: o.workers,
          render: o.render,
          goalHours: o.goal,
          coordinators: o.coordinators,
          ...(o.renderedShare !== undefined ? { renderedShare: o.renderedShare } : {}),
          ...(o.json ? { json: true } : {}),
        });
      },
    );

  db(
    campaign
      .command('schedule')
      .description('start a new round on a cron schedule (BullMQ job scheduler; needs REDIS_URL)')
      .argument('<name>')
      .option('--cron <expr>', 'cron pattern, e.g. "0 3 1 * *" (03:00 on the 1st of each month)')
      .option('--tz <zone>', 'time zone of the pattern, e.g. UTC or Europe/Paris')
      .option('--remove', 'stop scheduling rounds'),
  ).action(async (name: string, o: { db: string; cron?: string; tz?: string; remove?: boolean }) => {
    const { scheduleCommand } = await import('../../../campaign/commands/schedule.ts');
    process.exitCode = await scheduleCommand(name, o);
  });
}

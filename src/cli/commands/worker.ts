import type { Command } from 'commander';
import { positiveInt } from '../option-parsers.ts';

/** [fleet] `portal-audit worker [--concurrency N]`: consumes site jobs from Redis (REDIS_URL). */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('crawl site jobs from the campaign queue in Redis (needs only REDIS_URL, not the store)')
    .option('--concurrency <n>', 'sites crawled at once', positiveInt('--concurrency'), 1)
    .option(
      '--lock-seconds <n>',
      'how long a job stays claimed without renewal; a killed worker’s job is taken over after about this long',
      positiveInt('--lock-seconds'),
      60,
    )
    .option(
      '--contact <url>',
      'contact URL sent in the User-Agent (default: the campaign’s, else the project’s)',
    )
    .action(async (o: { concurrency: number; lockSeconds: number; contact?: string }) => {
      const { requireRedisUrl } = await import('../../../queue/fleet/connection.ts');
      const redisUrl = requireRedisUrl('portal-audit worker');
      const { runWorkerProcess } = await import('../../campaign/worker-process.ts');
      await runWorkerProcess({
        redisUrl,
        concurrency: o.concurrency,
        lockDurationMs: o.lockSeconds * 1000,
        ...(o.contact ? { contactUrl: o.contact } : {}),
        log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
      });
    });
}

import { openStore } from '../../../db/index.ts';
import { requireRedisUrl } from '../../../queue/fleet/connection.ts';
import { RoundFirings } from '../../../queue/fleet/round-firings.ts';
import { UserError } from '../../core/index.ts';
import { campaignOptionsOf } from '../campaign-options.ts';
import { requireCampaign } from './run.ts';

/**
 * `campaign schedule <name> --cron "<expr>" [--tz <zone>] | --remove`: a BullMQ job scheduler fires
 * on the cron pattern; each firing is taken by the campaign's coordinator (`campaign run --follow`,
 * or the next `campaign run`), which starts a new round over the same targets.
 */
export async function scheduleCommand(
  name: string,
  options: { db: string; cron?: string; tz?: string; remove?: boolean },
): Promise<number> {
  const redisUrl = requireRedisUrl('campaign schedule');
  if (options.cron && options.remove) throw new UserError('Give either --cron or --remove, not both.');
  const store = openStore(options.db, { mustExist: true });
  let key: string;
  try {
    key = campaignOptionsOf(requireCampaign(store, name)).queueKey;
  } finally {
    store.close();
  }
  const firings = new RoundFirings(redisUrl, key);
  try {
    if (options.remove) {
      const removed = await firings.unschedule();
      process.stdout.write(
        removed ? `Rounds of "${name}" are no longer scheduled.\n` : `"${name}" had no schedule.\n`,
      );
      return 0;
    }
    if (options.cron) {
      let schedule: Awaited<ReturnType<RoundFirings['schedule']>>;
      try {
        schedule = await firings.schedule(options.cron, options.tz);
      } catch (error) {
        throw new UserError(`Invalid --cron "${options.cron}": ${(error as Error).message}`);
      }
      const next = schedule.next ? new Date(schedule.next).toISOString() : 'unknown';
      process.stdout.write(
        `Rounds of "${name}" scheduled on "${schedule.pattern}"${schedule.tz ? ` (${schedule.tz})` : ''}; next firing ${next}.\n` +
          `Keep a coordinator running to start them: portal-audit campaign run ${JSON.stringify(name)} --follow\n`,
      );
      return 0;
    }
    const current = await firings.current();
    process.stdout.write(
      current
        ? `"${name}": "${current.pattern}"${current.tz ? ` (${current.tz})` : ''}, next ${current.next ? new Date(current.next).toISOString() : 'unknown'}\n`
        : `"${name}" has no schedule. Set one with --cron "<expr>".\n`,
    );
    return 0;
  } finally {
    await firings.close();
  }
}

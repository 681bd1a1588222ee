import { randomBytes } from 'node:crypto';

/**
 * Names of everything the fleet keeps in Redis, in one place. Keys are `pa:<queue>:…` (BullMQ
 * prefix `pa`). One site-jobs queue is shared by every campaign (workers take any job); each
 * campaign has its own results and rounds queues, named by the campaign's queue key, so two
 * campaigns — or two evidence stores sharing one Redis — never consume each other's records.
 */
export const QUEUE_PREFIX = 'pa';

/** Site jobs (payload: FleetJobData), consumed by `portal-audit worker`. */
export const SITE_JOBS_QUEUE = 'site-jobs';

const RESULTS_PREFIX = 'results-';
const ROUNDS_PREFIX = 'rounds-';

/** Crawl records from workers to the campaign's coordinator. */
export function resultsQueueName(campaignKey: string): string {
  return `${RESULTS_PREFIX}${assertKey(campaignKey)}`;
}

/** Firings of the campaign's job scheduler (`campaign schedule`): each one asks for a new round. */
export function roundsQueueName(campaignKey: string): string {
  return `${ROUNDS_PREFIX}${assertKey(campaignKey)}`;
}

export function isCampaignQueueName(name: string): boolean {
  return name.startsWith(RESULTS_PREFIX) || name.startsWith(ROUNDS_PREFIX);
}

/** The job scheduler of a campaign's rounds. */
export function roundSchedulerId(campaignKey: string): string {
  return `round-${assertKey(campaignKey)}`;
}

/** Site job ids are derived from the run, so enqueueing the same run twice adds one job. */
export function siteJobId(campaignKey: string, runId: number): string {
  return `${assertKey(campaignKey)}-run-${runId}`;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,60}$/;

/**
 * A queue key for a new campaign: a slug of its name plus random hex, e.g. `city-survey-3f9a1c`,
 * stored in the campaign's options when it is created.
 */
export function newCampaignKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'campaign'}-${randomBytes(3).toString('hex')}`;
}

export function isCampaignKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

function assertKey(key: string): string {
  if (!isCampaignKey(key)) throw new Error(`Not a campaign queue key: "${key}"`);
  return key;
}

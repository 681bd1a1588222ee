/** Public API of the fleet (BullMQ on Redis): what the CLI, the coordinator and the review app use. */
export { bullConnection, createRedis, redisUrlFromEnv, requireRedisUrl } from './connection.ts';
export { campaignQueueNames, dashboardQueues } from './dashboard.ts';
export { type FleetJobData, fleetJobSchema, parseFleetJob } from './fleet-job.ts';
export {
  QUEUE_PREFIX,
  resultsQueueName,
  roundsQueueName,
  SITE_JOBS_QUEUE,
  siteJobId,
} from './queue-names.ts';
export { RedisHostLimiter, type RedisHostLimiterOptions } from './redis-host-limiter.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
export { RoundFirings, type RoundSchedule } from './round-firings.ts';
export { SiteJobQueue } from './site-queue.ts';
export { SiteWorker, type SiteWorkerEvent, type SiteWorkerOptions } from './site-worker.ts';

import type { Repositories, StoredCampaign, StoredRun, StoredTarget } from '../../db/index.ts';
import { UserError } from '../core/index.ts';

/** A campaign as named on the command line: `name`, or `name@round` for one round's runs. */
export interface CampaignRef {
  campaign: StoredCampaign;
  /** Only runs of this round; null = each target's latest run in the campaign. */
  round: number | null;
}

export function resolveCampaign(repos: Repositories, ref: string): CampaignRef {
  const exact = repos.campaigns.getByName(ref);
  if (exact) return { campaign: exact, round: null };
  const m = /^(.*)@(\d+)$/.exec(ref);
  const named = m?.[1] ? repos.campaigns.getByName(m[1]) : null;
  if (m && named) return { campaign: named, round: Number(m[2]) };
  throw new UserError(
    `No campaign named "${ref}" in the evidence store. Check the name (and --db), or create it with \`campaign create\`.`,
  );
}

export interface CampaignPortalRun {
  target: StoredTarget;
  run: StoredRun;
}

export interface SkippedTarget {
  target: StoredTarget;
  reason: string;
}

/**
 * The run that stands for each target of a campaign: its latest run (of the round, when one is given)
 * that is not still crawling. Targets without such a run are listed as skipped, with why.
 */
export function selectCampaignRuns(
  repos: Repositories,
  ref: CampaignRef,
): { portals: CampaignPortalRun[]; skipped: SkippedTarget[] } {
  const runsByTarget = new Map<number, StoredRun[]>();
  // Newest first: the first acceptable run of a target is the one that stands for it.
  for (const run of repos.runs.list({ campaignId: ref.campaign.id })) {
    if (ref.round !== null && run.round !== ref.round) continue;
    const list = runsByTarget.get(run.targetId);
    if (list) list.push(run);
    else runsByTarget.set(run.targetId, [run]);
  }
  const portals: CampaignPortalRun[] = [];
  const skipped: SkippedTarget[] = [];
  for (const target of repos.targets.listForCampaign(ref.campaign.id)) {
    const runs = runsByTarget.get(target.id) ?? [];
    const run = runs.find((r) => r.status !== 'running');
    if (run) portals.push({ target, run });
    else
      skipped.push({
        target,
        reason: runs.length
          ? 'its only run is still crawling'
          : ref.round !== null
            ? `no run in round ${ref.round}`
            : 'never crawled',
      });
  }
  return { portals, skipped };
}

/** How a portal is named in tables and messages: country and city when known, else its URL. */
export function portalLabel(target: Pick<StoredTarget, 'url' | 'country' | 'city'>): string {
  const place = [target.city, target.country].filter(Boolean).join(', ');
  return place ? `${place} (${target.url})` : target.url;
}

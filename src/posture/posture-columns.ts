import type { Store } from '../../db/client.ts';
import { loadSiteCaptures } from '../../db/repositories/site-captures.repo.ts';
import { worstLevel } from './finding.ts';
import { judgePosture } from './judge-posture.ts';
import type { Posture, PostureLevel } from './posture-schema.ts';
import type { TrackerClassifier } from './trackers.ts';

/** A portal's posture in a few columns of a campaign export (README "Campaign exports"). */
export interface PostureColumns {
  security: PostureLevel;
  privacy: PostureLevel;
  speed: PostureLevel;
  lcp_p75_ms: number | null;
  cls_p75: number | null;
  tbt_p75_ms: number | null;
  /** LCP of the home page loaded at a phone's width; null when it was not. */
  phone_lcp_ms: number | null;
  /** Days until the portal's certificate expires (negative: expired); null when not checked. */
  cert_days_to_expiry: number | null;
  trackers: number;
  third_party_hosts: number;
}

export const POSTURE_COLUMNS = [
  'security',
  'privacy',
  'speed',
  'lcp_p75_ms',
  'cls_p75',
  'tbt_p75_ms',
  'phone_lcp_ms',
  'cert_days_to_expiry',
  'trackers',
  'third_party_hosts',
] as const satisfies readonly (keyof PostureColumns)[];

export function postureColumns(posture: Posture): PostureColumns {
  const portal = posture.security.hosts.find((h) => h.role === 'portal');
  return {
    security: worstLevel(posture.security.findings),
    privacy: worstLevel(posture.privacy.findings),
    speed: worstLevel(posture.speed.findings),
    lcp_p75_ms: posture.speed.p75.lcpMs,
    cls_p75: posture.speed.p75.cls,
    tbt_p75_ms: posture.speed.p75.tbtMs,
    phone_lcp_ms: posture.speed.phone?.lcpMs ?? null,
    cert_days_to_expiry: portal?.daysToExpiry ?? null,
    trackers: posture.privacy.thirdPartyHosts.filter((h) => h.tracker).length,
    third_party_hosts: posture.privacy.thirdPartyHosts.length,
  };
}

/** The posture columns of each run, judged again from its stored captures (runs with no home page: none). */
export function posturePerRun(
  store: Store,
  runIds: readonly number[],
  trackers: TrackerClassifier,
): Map<number, PostureColumns> {
  const out = new Map<number, PostureColumns>();
  for (const runId of runIds) {
    const site = loadSiteCaptures(store, runId);
    if (site.home?.status !== 'ok') continue;
    out.set(runId, postureColumns(judgePosture(site, trackers)));
  }
  return out;
}

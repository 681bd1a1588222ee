import type { CampaignDiff } from '../scoring/diff.ts';
import type { PostureColumns } from './posture-columns.ts';
import type { PostureLevel } from './posture-schema.ts';

const DIMENSIONS = ['security', 'privacy', 'speed'] as const;

export interface PostureChange {
  dimension: (typeof DIMENSIONS)[number];
  a: PostureLevel | null;
  b: PostureLevel | null;
}

export interface PortalPostureDiff {
  a: PostureColumns | null;
  b: PostureColumns | null;
  changed: PostureChange[];
}

/** A portal of the later campaign whose certificate expires within the horizon (before the next round). */
export interface CertificateWarning {
  url: string;
  days: number;
}

export type CampaignDiffWithPosture = CampaignDiff & {
  portals: (CampaignDiff['portals'][number] & { posture?: PortalPostureDiff })[];
  certificates_expiring: CertificateWarning[];
  cert_horizon_days: number;
};

/** Adds each portal's posture levels in both campaigns, what changed, and the certificates about to expire. */
export function withPostureChanges(
  diff: CampaignDiff,
  a: ReadonlyMap<number, PostureColumns>,
  b: ReadonlyMap<number, PostureColumns>,
  horizonDays: number,
): CampaignDiffWithPosture {
  const certificates: CertificateWarning[] = [];
  const portals = diff.portals.map((p) => {
    const pa = a.get(p.a.run_id) ?? null;
    const pb = b.get(p.b.run_id) ?? null;
    const changed = DIMENSIONS.flatMap((dimension) => {
      const la = pa?.[dimension] ?? null;
      const lb = pb?.[dimension] ?? null;
      return la === lb ? [] : [{ dimension, a: la, b: lb }];
    });
    const days = pb?.cert_days_to_expiry;
    if (days !== null && days !== undefined && days < horizonDays) certificates.push({ url: p.url, days });
    return { ...p, posture: { a: pa, b: pb, changed } };
  });
  certificates.sort((x, y) => x.days - y.days);
  return { ...diff, portals, certificates_expiring: certificates, cert_horizon_days: horizonDays };
}

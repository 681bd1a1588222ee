import { describe, expect, it } from 'vitest';
import type { PostureColumns } from '../../src/posture/posture-columns.ts';
import { withPostureChanges } from '../../src/posture/posture-diff.ts';
import type { CampaignDiff, PortalDiff } from '../../src/scoring/diff.ts';
import { formatDiffText } from '../../src/scoring/diff-text.ts';

function columns(over: Partial<PostureColumns>): PostureColumns {
  return {
    security: 'pass',
    privacy: 'pass',
    speed: 'pass',
    lcp_p75_ms: 1200,
    cls_p75: 0,
    tbt_p75_ms: 10,
    phone_lcp_ms: 1500,
    cert_days_to_expiry: 200,
    trackers: 0,
    third_party_hosts: 0,
    ...over,
  };
}

function portal(url: string, runA: number, runB: number): PortalDiff {
  const side = (run_id: number) => ({
    run_id,
    catalog: 'losi-2024',
    catalog_version: '1',
    total: 0.5,
    relative: null,
    level: 'middle' as const,
  });
  return {
    url,
    country: 'X',
    city: 'Y',
    level: 'city',
    a: side(runA),
    b: side(runB),
    total_delta: 0,
    relative_delta: null,
    level_changed: false,
    criteria: {},
    changed: [],
  };
}

describe('campaign diff with posture', () => {
  it('lists posture changes and the certificates that expire before the next round', () => {
    const diff: CampaignDiff = {
      a: { campaign: 'c', round: 1 },
      b: { campaign: 'c', round: 2 },
      policy: 'p',
      portals: [portal('https://a.example/', 1, 11), portal('https://b.example/', 2, 12)],
      only_in_a: [],
      only_in_b: [],
    };
    const before = new Map([
      [1, columns({ security: 'fail' })],
      [2, columns({})],
    ]);
    const after = new Map([
      [11, columns({ security: 'pass', cert_days_to_expiry: 20 })],
      [12, columns({ cert_days_to_expiry: 120 })],
    ]);
    const result = withPostureChanges(diff, before, after, 90);
    expect(result.portals[0]?.posture?.changed).toEqual([{ dimension: 'security', a: 'fail', b: 'pass' }]);
    expect(result.portals[1]?.posture?.changed).toEqual([]);
    expect(result.certificates_expiring).toEqual([{ url: 'https://a.example/', days: 20 }]);
    const text = formatDiffText(result);
    expect(text).toContain('posture: security fail → pass');
    expect(text).toContain('1 changed, 1 unchanged');
    expect(text).toContain(
      'Certificates expiring within 90 days (before the next round): https://a.example/ (20 days)',
    );
  });
});

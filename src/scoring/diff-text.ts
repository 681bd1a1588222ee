import type { CampaignDiffWithPosture, PortalPostureDiff } from '../posture/posture-diff.ts';
import type { CampaignDiff, PortalDiff } from './diff.ts';
import { LEVEL_LABELS } from './distribution.ts';

const OUTCOME_TEXT: Record<string, string> = {
  met: 'met',
  not_met: 'not met',
  needs_review: 'needs review',
  not_applicable: 'n/a',
  error: 'error',
};

/** A campaign diff for the terminal: portals whose values changed, then counts. */
export function formatDiffText(
  diff: CampaignDiff | CampaignDiffWithPosture,
  options: { all?: boolean } = {},
): string {
  const name = (side: CampaignDiff['a']) =>
    side.round === null ? side.campaign : `${side.campaign}@${side.round}`;
  const lines = [`Campaign diff: ${name(diff.a)} → ${name(diff.b)}`, `Policy: ${diff.policy}.`, ''];
  const changed = diff.portals.filter(hasChanges);
  for (const p of options.all ? diff.portals : changed) lines.push(...portalLines(p), '');
  lines.push(
    `${diff.portals.length} portal(s) in both: ${changed.length} changed, ${diff.portals.length - changed.length} unchanged.`,
  );
  if (diff.only_in_a.length)
    lines.push(`Only in ${name(diff.a)}: ${diff.only_in_a.map((p) => p.url).join(', ')}`);
  if (diff.only_in_b.length)
    lines.push(`Only in ${name(diff.b)}: ${diff.only_in_b.map((p) => p.url).join(', ')}`);
  if ('certificates_expiring' in diff && diff.certificates_expiring.length > 0) {
    lines.push(
      `Certificates expiring within ${diff.cert_horizon_days} days (before the next round): ${diff.certificates_expiring
        .map((c) => `${c.url} (${c.days < 0 ? `expired ${-c.days} days ago` : `${c.days} days`})`)
        .join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function hasChanges(p: PortalDiff & { posture?: PortalPostureDiff }): boolean {
  return (
    p.changed.length > 0 ||
    p.level_changed ||
    p.a.total !== p.b.total ||
    p.a.relative !== p.b.relative ||
    (p.posture?.changed.length ?? 0) > 0
  );
}

function portalLines(p: PortalDiff & { posture?: PortalPostureDiff }): string[] {
  const place = [p.city, p.country].filter(Boolean).join(', ');
  const head = `${place ? `${place} — ` : ''}${p.url} (${p.level})`;
  const level = (l: PortalDiff['a']['level']) => (l ? LEVEL_LABELS[l] : 'not scored');
  const total = `total ${pct(p.a.total)} → ${pct(p.b.total)} (${signed(p.total_delta)})`;
  const levels = p.level_changed
    ? `, level ${level(p.a.level)} → ${level(p.b.level)}`
    : `, level ${level(p.b.level)}`;
  const relative =
    p.a.relative !== null || p.b.relative !== null
      ? `, relative ${num(p.a.relative)} → ${num(p.b.relative)} (${signed(p.relative_delta, false)})`
      : '';
  const criteria = Object.entries(p.criteria)
    .filter(([, c]) => c.a !== c.b)
    .map(([code, c]) => `${code} ${pct(c.a)} → ${pct(c.b)}`);
  const out = [head, `  ${total}${levels}${relative}`];
  if (criteria.length) out.push(`  criteria: ${criteria.join(', ')}`);
  for (const c of p.changed) {
    out.push(
      `  ${c.code} ${c.title}: ${c.a ? OUTCOME_TEXT[c.a] : 'not assessed'} → ${c.b ? OUTCOME_TEXT[c.b] : 'not assessed'}`,
    );
  }
  const posture = p.posture?.changed ?? [];
  if (posture.length) {
    out.push(
      `  posture: ${posture.map((c) => `${c.dimension} ${c.a ?? 'not judged'} → ${c.b ?? 'not judged'}`).join(', ')}`,
    );
  }
  return out;
}

function pct(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)} %`;
}

function num(v: number | null): string {
  return v === null ? '–' : v.toFixed(3);
}

function signed(v: number | null, percent = true): string {
  if (v === null) return 'n/a';
  const text = percent ? `${(v * 100).toFixed(1)} pts` : v.toFixed(3);
  return v > 0 ? `+${text}` : v === 0 ? `±${text}` : text;
}

import type { PageSpeed, Posture, PostureFinding, PostureLevel } from '../../posture/index.ts';
import { worstLevel } from '../../posture/index.ts';
import type { AuditReport } from '../report-types.ts';
import { esc } from './escape.ts';
import { link } from './render-evidence.ts';

const LEVEL_WORDS: Record<PostureLevel, string> = {
  pass: 'Pass',
  attention: 'Needs attention',
  fail: 'Fail',
  unknown: 'Not measured',
};
/** Reuses the outcome colours: pass as met, fail as not met, attention as needs review. */
const LEVEL_CLASS: Record<PostureLevel, string> = {
  pass: 'o-met',
  attention: 'o-needs_review',
  fail: 'o-not_met',
  unknown: 'o-not_applicable',
};
const ORDER: Record<PostureLevel, number> = { fail: 0, attention: 1, unknown: 2, pass: 3 };

function badge(level: PostureLevel): string {
  return `<span class="badge ${LEVEL_CLASS[level]}">${LEVEL_WORDS[level]}</span>`;
}

function renderFindings(findings: readonly PostureFinding[]): string {
  const sorted = [...findings].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  return sorted
    .map((f) => {
      const evidence = f.evidence.length
        ? `<ul class="evidence">${f.evidence.map((e) => `<li>${/^https?:/.test(e.url) ? link(e.url) : esc(e.url)}: <span class="sel">${esc(e.value)}</span></li>`).join('')}</ul>`
        : '';
      return `<details class="ind" data-check="${esc(f.check)}"><summary>${badge(f.level)} <strong>${esc(f.title)}</strong> <span class="meta">${esc(f.detail)}</span></summary>
<div><p class="meta">Passes when: ${esc(f.threshold)}</p>${evidence}</div></details>`;
    })
    .join('\n');
}

function kib(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function renderHosts(hosts: Posture['security']['hosts']): string {
  if (hosts.length === 0) return '';
  const rows = hosts
    .map(
      (h) =>
        `<tr><td class="url">${esc(h.host)}</td><td>${h.role === 'portal' ? 'portal' : 'linked service'}</td><td>${h.https ? esc(h.protocol ?? 'yes') : 'no'}</td><td>${esc(h.issuer ?? '–')}</td><td>${h.validTo ? `${esc(h.validTo.slice(0, 10))}${h.daysToExpiry !== null ? ` (${h.daysToExpiry} days)` : ''}` : '–'}</td><td>${h.trusted === null ? '–' : h.trusted ? 'yes' : 'no'}</td><td>${h.hsts ? 'yes' : 'no'}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><caption class="meta">Hosts checked</caption>
<thead><tr><th scope="col">Host</th><th scope="col">Role</th><th scope="col">HTTPS</th><th scope="col">Certificate issuer</th><th scope="col">Valid to</th><th scope="col">Verifies</th><th scope="col">HSTS</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function renderThirdParties(privacy: Posture['privacy']): string {
  if (privacy.thirdPartyHosts.length === 0)
    return '<p>No third-party host was contacted by the pages loaded.</p>';
  const rows = privacy.thirdPartyHosts
    .slice(0, 30)
    .map(
      (h) =>
        `<tr><td class="url">${esc(h.host)}</td><td>${h.tracker ? `${esc(h.tracker.name)} (${esc(h.tracker.category.replace(/_/g, ' '))})` : '–'}</td><td>${h.pages}</td><td>${h.requests}</td><td>${kib(h.bytes)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><caption class="meta">Third-party hosts (trackers named by ${esc(privacy.trackerDatabase)})</caption>
<thead><tr><th scope="col">Host</th><th scope="col">Tracker</th><th scope="col">Pages</th><th scope="col">Requests</th><th scope="col">Transferred</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

const SPEED_HEAD =
  '<thead><tr><th scope="col">Page and largest element</th><th scope="col">LCP</th><th scope="col">CLS</th><th scope="col">TBT</th><th scope="col">Transferred</th><th scope="col">Requests</th></tr></thead>';

function speedRow(p: PageSpeed): string {
  const lcp = p.lcpMs === null ? '–' : `${(p.lcpMs / 1000).toFixed(2)} s`;
  const element = p.lcpElement ? `<br><span class="meta sel">${esc(p.lcpElement)}</span>` : '';
  return `<tr><td class="url">${link(p.url)}${element}</td><td>${lcp}</td><td>${p.cls.toFixed(2)}</td><td>${Math.round(p.tbtMs)} ms</td><td>${kib(p.transferBytes)}</td><td>${p.requests}</td></tr>`;
}

function renderSpeedTables(speed: Posture['speed']): string {
  const slowest =
    speed.pages.length === 0
      ? ''
      : `<div class="scroll"><table><caption class="meta">Slowest pages (largest contentful paint first)</caption>
${SPEED_HEAD}<tbody>${speed.pages.slice(0, 10).map(speedRow).join('')}</tbody></table></div>`;
  const phone = speed.phone
    ? `<div class="scroll"><table><caption class="meta">The home page on a phone (${speed.phone.viewportWidth} px wide)</caption>
${SPEED_HEAD}<tbody>${speedRow(speed.phone)}</tbody></table></div>`
    : '';
  return `${slowest}${phone}`;
}

/** "Security & privacy" and "Speed": the portal's posture, apart from the survey score. */
export function renderPosture(report: AuditReport): string {
  const posture = report.posture;
  if (!posture) return '';
  const security = worstLevel(posture.security.findings);
  const privacy = worstLevel(posture.privacy.findings);
  const speed = worstLevel(posture.speed.findings);
  return `<section aria-labelledby="security"><h2 id="security">Security &amp; privacy</h2>
<p>Not part of the survey score. Security ${badge(security)} · Privacy ${badge(privacy)}</p>
<h3>Security</h3>
${renderFindings(posture.security.findings)}
${renderHosts(posture.security.hosts)}
<h3>Privacy</h3>
${renderFindings(posture.privacy.findings)}
${renderThirdParties(posture.privacy)}
</section>
<section aria-labelledby="speed"><h2 id="speed">Speed</h2>
<p>Not part of the survey score. ${badge(speed)} ${esc(posture.speed.conditions)}</p>
${renderFindings(posture.speed.findings)}
${renderSpeedTables(posture.speed)}
</section>`;
}

import type { SiteCaptures } from '../core/index.ts';
import { contentFindings } from './content-checks.ts';
import { headerFindings } from './header-checks.ts';
import { headerPage, portalPages } from './posture-pages.ts';
import type { Posture } from './posture-schema.ts';
import { privacyPosture } from './privacy-posture.ts';
import { speedPosture } from './speed-posture.ts';
import type { TrackerClassifier } from './trackers.ts';
import { transportFindings } from './transport-checks.ts';

/**
 * Security, privacy and speed of a portal, judged from its stored captures alone (no network): the
 * same captures judged again give the same posture. Not part of the LOSI/OSI score.
 */
export function judgePosture(site: SiteCaptures, trackers: TrackerClassifier): Posture {
  const pages = portalPages(site);
  const hosts = (site.artifacts.transport?.hosts ?? []).map((h) => ({
    host: h.host,
    role: h.role,
    https: h.https,
    protocol: h.tls?.protocol ?? null,
    issuer: h.tls?.issuer ?? null,
    validTo: h.tls?.validTo ?? null,
    daysToExpiry: h.tls?.daysToExpiry ?? null,
    trusted: h.tls ? h.tls.chainTrusted && h.tls.nameMatches : null,
    hsts: h.hsts !== null,
  }));
  return {
    security: {
      findings: [...transportFindings(site), ...headerFindings(headerPage(site)), ...contentFindings(pages)],
      hosts,
    },
    privacy: privacyPosture(pages, trackers),
    speed: speedPosture(pages, site.artifacts.mobileSpeed),
  };
}

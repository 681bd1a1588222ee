import type { PageCapture } from '../core/index.ts';
import { distinctCookies } from './content-checks.ts';
import { finding, plural } from './finding.ts';
import type { Posture, PostureFinding, ThirdPartyHostSummary } from './posture-schema.ts';
import { THRESHOLDS } from './thresholds.ts';
import type { TrackerClassifier } from './trackers.ts';

/** Ghostery categories whose hosts follow people across sites. */
const PROFILING = new Set(['advertising', 'adult_advertising', 'pornvertising', 'social_media']);
const ANALYTICS = new Set(['site_analytics']);

/** Third-party hosts, trackers among them, cookies set without consent, and the consent dialog. */
export function privacyPosture(
  pages: readonly PageCapture[],
  trackers: TrackerClassifier,
): Posture['privacy'] {
  const measured = pages.filter((p) => p.render?.performance !== undefined);
  const hosts = thirdPartyHosts(measured, trackers);
  const base = { thirdPartyHosts: hosts, trackerDatabase: trackers.database };
  if (measured.length === 0) {
    const unknown = (check: string, title: string, threshold: string) =>
      finding(check, title, 'unknown', 'No page was loaded in the browser (--render none).', threshold);
    return {
      ...base,
      findings: [
        unknown('trackers', 'Trackers', THRESHOLDS.trackers),
        unknown('cookies-before-consent', 'Cookies without consent', THRESHOLDS.cookiesBeforeConsent),
        unknown('consent-banner', 'Consent dialog', THRESHOLDS.consentBanner),
      ],
    };
  }
  const tracking = hosts.filter(
    (h) => h.tracker && (PROFILING.has(h.tracker.category) || ANALYTICS.has(h.tracker.category)),
  );
  const cookies = thirdPartyCookies(measured, trackers);
  const bannerPage = measured.find((p) => p.render?.consent);
  return {
    ...base,
    findings: [
      trackerFinding(tracking, hosts.length),
      cookieConsentFinding(cookies),
      consentBannerFinding(tracking.length > 0 || cookies.length > 0, bannerPage),
    ],
  };
}

function thirdPartyHosts(
  measured: readonly PageCapture[],
  trackers: TrackerClassifier,
): ThirdPartyHostSummary[] {
  const byHost = new Map<string, ThirdPartyHostSummary>();
  for (const page of measured) {
    for (const h of page.render?.performance?.thirdParty ?? []) {
      const entry = byHost.get(h.host) ?? {
        host: h.host,
        pages: 0,
        requests: 0,
        bytes: 0,
        tracker: trackers.classify(h.host),
      };
      entry.pages += 1;
      entry.requests += h.requests;
      entry.bytes += h.bytes;
      byHost.set(h.host, entry);
    }
  }
  return [...byHost.values()].sort((a, b) => b.pages - a.pages || b.requests - a.requests);
}

function trackerFinding(tracking: readonly ThirdPartyHostSummary[], thirdParties: number): PostureFinding {
  const title = 'Trackers';
  const evidence = tracking.map((h) => ({
    url: h.host,
    value: `${h.tracker?.name} (${h.tracker?.category.replace(/_/g, ' ')}) on ${plural(h.pages, 'page')}`,
  }));
  if (tracking.some((h) => h.tracker && PROFILING.has(h.tracker.category))) {
    return finding(
      'trackers',
      title,
      'fail',
      `${plural(tracking.length, 'tracker')} follow visitors: advertising or social-media hosts load on the portal.`,
      THRESHOLDS.trackers,
      evidence,
    );
  }
  if (tracking.length > 0) {
    return finding(
      'trackers',
      title,
      'attention',
      `${plural(tracking.length, 'third-party analytics service')} measure visitors.`,
      THRESHOLDS.trackers,
      evidence,
    );
  }
  return finding(
    'trackers',
    title,
    'pass',
    `No known tracker among ${plural(thirdParties, 'third-party host')}.`,
    THRESHOLDS.trackers,
  );
}

function thirdPartyCookies(measured: readonly PageCapture[], trackers: TrackerClassifier) {
  return distinctCookies(measured)
    .filter((c) => c.cookie.thirdParty)
    .map((c) => ({ ...c, tracker: trackers.classify(c.cookie.domain.replace(/^\./, '')) }));
}

function cookieConsentFinding(cookies: ReturnType<typeof thirdPartyCookies>): PostureFinding {
  const title = 'Cookies without consent';
  const evidence = cookies.map((c) => ({
    url: c.url,
    value: `${c.cookie.name} (${c.cookie.domain})${c.tracker ? `: ${c.tracker.name}` : ''}`,
  }));
  const tracking = cookies.filter((c) => c.tracker);
  if (tracking.length > 0) {
    return finding(
      'cookies-before-consent',
      title,
      'fail',
      `${plural(tracking.length, 'tracker cookie')} set without a consent given (none was: the tool refuses or ignores consent dialogs).`,
      THRESHOLDS.cookiesBeforeConsent,
      evidence,
    );
  }
  if (cookies.length > 0) {
    return finding(
      'cookies-before-consent',
      title,
      'attention',
      `${plural(cookies.length, 'third-party cookie')} set without a consent given.`,
      THRESHOLDS.cookiesBeforeConsent,
      evidence,
    );
  }
  return finding(
    'cookies-before-consent',
    title,
    'pass',
    'No third-party cookie is set before consent.',
    THRESHOLDS.cookiesBeforeConsent,
  );
}

function consentBannerFinding(needed: boolean, page: PageCapture | undefined): PostureFinding {
  const title = 'Consent dialog';
  const banner = page?.render?.consent;
  if (page && banner) {
    const how = {
      rejected: 'refusing was possible',
      hidden: 'it offered no way to refuse',
      left_open: 'it could not be closed',
    }[banner.action];
    const level = banner.action === 'rejected' ? 'pass' : 'attention';
    return finding(
      'consent-banner',
      title,
      level,
      `A consent dialog (${banner.cmp}) was shown; ${how}.`,
      THRESHOLDS.consentBanner,
      [{ url: page.finalUrl, value: `${banner.cmp}: ${banner.action}` }],
    );
  }
  if (needed) {
    return finding(
      'consent-banner',
      title,
      'attention',
      'Trackers or third-party cookies are present, and no consent dialog was seen.',
      THRESHOLDS.consentBanner,
    );
  }
  return finding(
    'consent-banner',
    title,
    'pass',
    'No consent dialog is needed: no trackers or third-party cookies were seen.',
    THRESHOLDS.consentBanner,
  );
}

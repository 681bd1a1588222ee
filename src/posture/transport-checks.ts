import {
  certificateDefect,
  type HostTransport,
  parseHsts,
  type SiteCaptures,
  TRANSPORT_NOT_CHECKED,
  type TransportArtifact,
} from '../core/index.ts';
import { finding, plural } from './finding.ts';
import { headerPage, isHttps } from './posture-pages.ts';
import type { PostureFinding } from './posture-schema.ts';
import { THRESHOLDS } from './thresholds.ts';

/** HTTPS, the certificate, TLS version, HSTS and security.txt, from the transport artifact and the home page. */
export function transportFindings(site: SiteCaptures): PostureFinding[] {
  const transport = site.artifacts.transport;
  const page = headerPage(site);
  const portal = transport?.hosts.find((h) => h.role === 'portal');
  return [
    httpsFinding(page?.finalUrl ?? null, portal),
    certificateFinding(portal),
    protocolFinding(portal),
    hstsFinding(page?.finalUrl ?? null, portal, page?.headers['strict-transport-security']),
    serviceHostsFinding(transport),
    securityTxtFinding(transport),
  ];
}

function httpsFinding(homeUrl: string | null, portal: HostTransport | undefined): PostureFinding {
  const title = 'HTTPS';
  if (!homeUrl)
    return finding('https', title, 'unknown', 'The home page was not captured.', THRESHOLDS.https);
  const evidence = [{ url: homeUrl, value: isHttps(homeUrl) ? 'served over https' : 'served over http' }];
  if (!isHttps(homeUrl)) {
    return finding(
      'https',
      title,
      'fail',
      'The portal is served over plain HTTP.',
      THRESHOLDS.https,
      evidence,
    );
  }
  if (portal?.httpRedirectsToHttps === false) {
    return finding(
      'https',
      title,
      'fail',
      `The portal is served over HTTPS, but http://${portal.host}/ answers without redirecting to it.`,
      THRESHOLDS.https,
      [...evidence, { url: `http://${portal.host}/`, value: 'no redirect to https' }],
    );
  }
  const redirect = portal?.httpRedirectsToHttps ? ', and http:// redirects to it' : '';
  return finding(
    'https',
    title,
    'pass',
    `The portal is served over HTTPS${redirect}.`,
    THRESHOLDS.https,
    evidence,
  );
}

function certificateFinding(portal: HostTransport | undefined): PostureFinding {
  const title = 'Certificate';
  if (!portal)
    return finding(
      'certificate',
      title,
      'unknown',
      "The portal's certificate was not checked.",
      THRESHOLDS.certificate,
    );
  const tls = portal.tls;
  if (!tls) {
    return finding(
      'certificate',
      title,
      portal.https ? 'unknown' : 'fail',
      `No TLS connection to ${portal.host}${portal.error ? `: ${portal.error}` : ''}.`,
      THRESHOLDS.certificate,
    );
  }
  const evidence = [{ url: `https://${portal.host}/`, value: certificateSummary(tls) }];
  const problem = certificateProblem(portal);
  if (problem) return finding('certificate', title, 'fail', problem, THRESHOLDS.certificate, evidence);
  const days = tls.daysToExpiry;
  if (days !== null && days < THRESHOLDS.certificateWarnDays) {
    return finding(
      'certificate',
      title,
      'attention',
      `The certificate of ${portal.host} expires in ${plural(days, 'day')}.`,
      THRESHOLDS.certificate,
      evidence,
    );
  }
  return finding(
    'certificate',
    title,
    'pass',
    `The certificate of ${portal.host} verifies${days !== null ? ` and is valid for ${plural(days, 'more day')}` : ''}.`,
    THRESHOLDS.certificate,
    evidence,
  );
}

/** Why a host's certificate does not do its job, or null when it does. */
export function certificateProblem(host: HostTransport): string | null {
  if (wasNotChecked(host)) return null;
  const tls = host.tls;
  if (!tls) return host.https ? null : `${host.host} offers no HTTPS${host.error ? ` (${host.error})` : ''}.`;
  const defect = certificateDefect(tls);
  if (!defect) return null;
  if (defect.kind === 'expired')
    return `The certificate of ${host.host} expired ${plural(defect.daysAgo, 'day')} ago.`;
  if (defect.kind === 'wrong_name') return `The certificate of ${host.host} is not issued for that name.`;
  return `The certificate of ${host.host} does not verify${defect.verifyError ? ` (${defect.verifyError})` : ''}.`;
}

function wasNotChecked(host: HostTransport): boolean {
  return host.error?.startsWith(TRANSPORT_NOT_CHECKED) ?? false;
}

function certificateSummary(tls: NonNullable<HostTransport['tls']>): string {
  const parts = [
    tls.issuer ? `issued by ${tls.issuer}` : null,
    tls.validTo ? `valid to ${tls.validTo.slice(0, 10)}` : null,
    tls.protocol,
    tls.verifyError ?? null,
  ];
  return parts.filter(Boolean).join(', ');
}

function protocolFinding(portal: HostTransport | undefined): PostureFinding {
  const title = 'TLS version';
  const protocol = portal?.tls?.protocol;
  if (!portal || !protocol)
    return finding('tls-protocol', title, 'unknown', 'The TLS version was not read.', THRESHOLDS.tlsProtocol);
  const ok = protocol === 'TLSv1.3' || protocol === 'TLSv1.2';
  return finding(
    'tls-protocol',
    title,
    ok ? 'pass' : 'fail',
    `${portal.host} negotiated ${protocol}.`,
    THRESHOLDS.tlsProtocol,
    [{ url: `https://${portal.host}/`, value: protocol }],
  );
}

function hstsFinding(
  homeUrl: string | null,
  portal: HostTransport | undefined,
  header: string | undefined,
): PostureFinding {
  const title = 'Strict Transport Security (HSTS)';
  if (!homeUrl || !isHttps(homeUrl)) {
    return finding(
      'hsts',
      title,
      homeUrl ? 'fail' : 'unknown',
      homeUrl ? 'HSTS needs HTTPS, which the portal does not use.' : 'The home page was not captured.',
      THRESHOLDS.hsts,
    );
  }
  const hsts = portal?.hsts ?? parseHsts(header);
  if (!hsts) {
    return finding(
      'hsts',
      title,
      'fail',
      'No Strict-Transport-Security header: a first visit over http can be intercepted.',
      THRESHOLDS.hsts,
      [{ url: homeUrl, value: 'header absent' }],
    );
  }
  const value = `max-age=${hsts.maxAgeSeconds}${hsts.includeSubDomains ? '; includeSubDomains' : ''}${hsts.preload ? '; preload' : ''}`;
  const long = hsts.maxAgeSeconds >= THRESHOLDS.hstsMinSeconds;
  const days = Math.round(hsts.maxAgeSeconds / 86_400);
  return finding(
    'hsts',
    title,
    long ? 'pass' : 'attention',
    long ? `HSTS is set for ${plural(days, 'day')}.` : `HSTS is set for only ${plural(days, 'day')}.`,
    THRESHOLDS.hsts,
    [{ url: homeUrl, value }],
  );
}

function serviceHostsFinding(transport: TransportArtifact | undefined): PostureFinding {
  const title = 'Linked service hosts';
  const services = transport?.hosts.filter((h) => h.role === 'service') ?? [];
  if (!transport)
    return finding(
      'service-hosts',
      title,
      'unknown',
      'The service hosts were not checked.',
      THRESHOLDS.serviceHosts,
    );
  if (services.length === 0)
    return finding(
      'service-hosts',
      title,
      'pass',
      'The portal links to no other service host.',
      THRESHOLDS.serviceHosts,
    );
  const failing = services.flatMap((h) => {
    const problem = certificateProblem(h);
    return problem ? [{ url: `https://${h.host}/`, value: problem }] : [];
  });
  const expiring = services.flatMap((h) =>
    h.tls?.daysToExpiry != null &&
    h.tls.daysToExpiry >= 0 &&
    h.tls.daysToExpiry < THRESHOLDS.certificateWarnDays
      ? [{ url: `https://${h.host}/`, value: `certificate expires in ${plural(h.tls.daysToExpiry, 'day')}` }]
      : [],
  );
  if (failing.length > 0) {
    return finding(
      'service-hosts',
      title,
      'fail',
      `${plural(failing.length, 'linked service host')} of ${services.length} without a working HTTPS certificate.`,
      THRESHOLDS.serviceHosts,
      failing,
    );
  }
  const silent = services
    .filter(wasNotChecked)
    .map((h) => ({ url: h.host, value: h.error?.slice(TRANSPORT_NOT_CHECKED.length).trim() ?? '' }));
  if (expiring.length > 0 || silent.length > 0) {
    const parts = [
      expiring.length > 0
        ? `${plural(expiring.length, 'linked service host')} with a certificate about to expire`
        : null,
      silent.length > 0
        ? `${plural(silent.length, 'linked service host')} that did not answer during the crawl (HTTPS not checked)`
        : null,
    ].filter(Boolean);
    return finding('service-hosts', title, 'attention', `${parts.join('; ')}.`, THRESHOLDS.serviceHosts, [
      ...expiring,
      ...silent,
    ]);
  }
  return finding(
    'service-hosts',
    title,
    'pass',
    `All ${plural(services.length, 'linked service host')} offer HTTPS with a certificate that verifies.`,
    THRESHOLDS.serviceHosts,
  );
}

function securityTxtFinding(transport: TransportArtifact | undefined): PostureFinding {
  const title = 'security.txt';
  const txt = transport?.securityTxt;
  if (!txt)
    return finding(
      'security-txt',
      title,
      'unknown',
      'security.txt was not looked for.',
      THRESHOLDS.securityTxt,
    );
  if (!txt.found) {
    return finding(
      'security-txt',
      title,
      'attention',
      'No security.txt: a researcher who finds a flaw has no published contact.',
      THRESHOLDS.securityTxt,
      [{ url: txt.url, value: 'not found' }],
    );
  }
  const evidence = [
    {
      url: txt.url,
      value: [
        txt.contacts[0] ? `Contact: ${txt.contacts[0]}` : 'no Contact',
        txt.expires ? `Expires: ${txt.expires}` : 'no Expires',
      ].join('; '),
    },
  ];
  if (txt.contacts.length === 0)
    return finding(
      'security-txt',
      title,
      'attention',
      'security.txt names no Contact.',
      THRESHOLDS.securityTxt,
      evidence,
    );
  if (txt.expired)
    return finding(
      'security-txt',
      title,
      'attention',
      `security.txt expired on ${txt.expires}.`,
      THRESHOLDS.securityTxt,
      evidence,
    );
  if (!txt.expires)
    return finding(
      'security-txt',
      title,
      'attention',
      'security.txt has no Expires field (required by RFC 9116).',
      THRESHOLDS.securityTxt,
      evidence,
    );
  return finding(
    'security-txt',
    title,
    'pass',
    'security.txt names a contact and is current.',
    THRESHOLDS.securityTxt,
    evidence,
  );
}

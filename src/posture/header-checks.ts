import type { PageCapture } from '../core/index.ts';
import { finding } from './finding.ts';
import type { PostureFinding } from './posture-schema.ts';
import { THRESHOLDS } from './thresholds.ts';

/** The response headers of the home page, graded as the Mozilla Observatory grades them. */
export function headerFindings(page: PageCapture | undefined): PostureFinding[] {
  if (!page) {
    const none = (check: string, title: string, threshold: string) =>
      finding(check, title, 'unknown', 'No portal page was captured.', threshold);
    return [
      none('csp', 'Content Security Policy', THRESHOLDS.csp),
      none('content-type-options', 'MIME sniffing', THRESHOLDS.contentTypeOptions),
      none('framing', 'Framing (clickjacking)', THRESHOLDS.framing),
      none('referrer-policy', 'Referrer policy', THRESHOLDS.referrerPolicy),
      none('permissions-policy', 'Permissions policy', THRESHOLDS.permissionsPolicy),
      none('server-disclosure', 'Server version disclosure', THRESHOLDS.serverDisclosure),
    ];
  }
  const h = page.headers;
  const url = page.finalUrl;
  return [
    cspFinding(url, h['content-security-policy']),
    contentTypeOptionsFinding(url, h['x-content-type-options']),
    framingFinding(url, h['x-frame-options'], h['content-security-policy']),
    referrerFinding(url, h['referrer-policy']),
    permissionsFinding(url, h['permissions-policy']),
    disclosureFinding(url, h.server, h['x-powered-by']),
  ];
}

/** The sources a CSP directive allows, or null when the directive is absent. */
function directive(csp: string, name: string): string | null {
  for (const part of csp.split(';')) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (key?.toLowerCase() === name) return values.join(' ');
  }
  return null;
}

function cspFinding(url: string, csp: string | undefined): PostureFinding {
  const title = 'Content Security Policy';
  if (!csp) {
    return finding(
      'csp',
      title,
      'fail',
      'No Content-Security-Policy header: injected scripts would run.',
      THRESHOLDS.csp,
      [{ url, value: 'header absent' }],
    );
  }
  const scripts = directive(csp, 'script-src') ?? directive(csp, 'default-src');
  const evidence = [{ url, value: csp.slice(0, 300) }];
  if (scripts === null) {
    return finding(
      'csp',
      title,
      'attention',
      'The policy does not restrict scripts (no script-src or default-src).',
      THRESHOLDS.csp,
      evidence,
    );
  }
  const unsafe = ["'unsafe-inline'", "'unsafe-eval'"].filter((k) => scripts.toLowerCase().includes(k));
  // 'unsafe-inline' is ignored by browsers when a nonce or hash is present.
  const nonced = /'nonce-|'sha(256|384|512)-/i.test(scripts);
  const effective = nonced ? unsafe.filter((k) => k !== "'unsafe-inline'") : unsafe;
  if (effective.length > 0) {
    return finding(
      'csp',
      title,
      'attention',
      `The policy allows ${effective.join(' and ')} scripts.`,
      THRESHOLDS.csp,
      evidence,
    );
  }
  return finding(
    'csp',
    title,
    'pass',
    'A Content Security Policy restricts scripts.',
    THRESHOLDS.csp,
    evidence,
  );
}

function contentTypeOptionsFinding(url: string, value: string | undefined): PostureFinding {
  const ok = value?.trim().toLowerCase() === 'nosniff';
  return finding(
    'content-type-options',
    'MIME sniffing',
    ok ? 'pass' : 'fail',
    ok ? 'X-Content-Type-Options: nosniff is set.' : 'X-Content-Type-Options: nosniff is not set.',
    THRESHOLDS.contentTypeOptions,
    [{ url, value: value ?? 'header absent' }],
  );
}

function framingFinding(url: string, xfo: string | undefined, csp: string | undefined): PostureFinding {
  const title = 'Framing (clickjacking)';
  const ancestors = csp ? directive(csp, 'frame-ancestors') : null;
  if (ancestors !== null && !/(^|\s)\*(\s|$)/.test(ancestors)) {
    return finding(
      'framing',
      title,
      'pass',
      'CSP frame-ancestors limits who may frame the portal.',
      THRESHOLDS.framing,
      [{ url, value: `frame-ancestors ${ancestors}` }],
    );
  }
  const value = xfo?.trim().toUpperCase();
  if (value === 'DENY' || value === 'SAMEORIGIN') {
    return finding('framing', title, 'pass', `X-Frame-Options: ${value} is set.`, THRESHOLDS.framing, [
      { url, value },
    ]);
  }
  return finding(
    'framing',
    title,
    'fail',
    'Any site may show the portal in a frame (no X-Frame-Options or frame-ancestors).',
    THRESHOLDS.framing,
    [{ url, value: xfo ?? 'header absent' }],
  );
}

const LEAKY_REFERRER = ['unsafe-url', 'no-referrer-when-downgrade', 'origin-when-cross-origin'];

function referrerFinding(url: string, value: string | undefined): PostureFinding {
  const title = 'Referrer policy';
  if (!value) {
    return finding(
      'referrer-policy',
      title,
      'pass',
      'No Referrer-Policy: browsers apply strict-origin-when-cross-origin.',
      THRESHOLDS.referrerPolicy,
      [{ url, value: 'header absent' }],
    );
  }
  // The last policy a browser understands applies.
  const last =
    value
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean)
      .at(-1) ?? '';
  const leaky = LEAKY_REFERRER.includes(last);
  return finding(
    'referrer-policy',
    title,
    leaky ? 'fail' : 'pass',
    leaky ? `Referrer-Policy: ${last} sends full addresses to other sites.` : `Referrer-Policy: ${last}.`,
    THRESHOLDS.referrerPolicy,
    [{ url, value }],
  );
}

function permissionsFinding(url: string, value: string | undefined): PostureFinding {
  return finding(
    'permissions-policy',
    'Permissions policy',
    value ? 'pass' : 'attention',
    value
      ? 'A Permissions-Policy limits camera, microphone, location and other features.'
      : 'No Permissions-Policy header.',
    THRESHOLDS.permissionsPolicy,
    [{ url, value: value?.slice(0, 200) ?? 'header absent' }],
  );
}

function disclosureFinding(
  url: string,
  server: string | undefined,
  poweredBy: string | undefined,
): PostureFinding {
  const disclosed = [server, poweredBy].filter((v): v is string => v !== undefined && /\d/.test(v));
  return finding(
    'server-disclosure',
    'Server version disclosure',
    disclosed.length > 0 ? 'attention' : 'pass',
    disclosed.length > 0
      ? `The server names its software version (${disclosed.join(', ')}).`
      : 'No software version is disclosed in the headers.',
    THRESHOLDS.serverDisclosure,
    disclosed.map((value) => ({ url, value })),
  );
}

/**
 * Every posture threshold, with its published source. A check states the threshold it applied in
 * its finding, so a reader can see why a value passed or not.
 */

const OBSERVATORY = 'Mozilla HTTP Observatory scoring';
const WEB_VITALS = 'web.dev Web Vitals "good" threshold, at the 75th percentile of pages';

export const THRESHOLDS = {
  https: `Served over HTTPS, and http:// redirects to https:// (${OBSERVATORY}: redirection test).`,
  certificate:
    'A certificate that verifies against public roots, names the host, and is valid for 30 days or more (the usual renewal-warning window).',
  certificateWarnDays: 30,
  tlsProtocol: 'TLS 1.2 or 1.3 (RFC 8996 deprecates TLS 1.0 and 1.1).',
  hsts: `Strict-Transport-Security with max-age of at least 6 months (15,768,000 s) (${OBSERVATORY}).`,
  hstsMinSeconds: 15_768_000,
  csp: `A Content-Security-Policy header, without 'unsafe-inline' or 'unsafe-eval' for scripts (${OBSERVATORY}).`,
  contentTypeOptions: `X-Content-Type-Options: nosniff (${OBSERVATORY}).`,
  framing: `X-Frame-Options DENY or SAMEORIGIN, or CSP frame-ancestors (${OBSERVATORY}).`,
  referrerPolicy: `No Referrer-Policy that sends full URLs to other sites (unsafe-url, no-referrer-when-downgrade, origin-when-cross-origin keep paths or leak on http) (${OBSERVATORY}).`,
  permissionsPolicy: 'A Permissions-Policy header limiting powerful features (OWASP Secure Headers Project).',
  serverDisclosure: 'No product version in Server or X-Powered-By (OWASP Secure Headers Project).',
  cookies: `Portal cookies marked Secure; session cookies also HttpOnly; SameSite set (${OBSERVATORY}: cookies test).`,
  mixedContent:
    'No http: resources on https: pages (W3C Mixed Content): active ones (scripts, styles, frames) fail, passive ones (images, media) need attention.',
  formsOverHttp:
    'No form on the portal that sends its data over plain http: (W3C Mixed Content, form submission).',
  securityTxt: 'A /.well-known/security.txt with a Contact and an Expires date not passed (RFC 9116).',
  serviceHosts:
    'Every linked service host offers HTTPS with a certificate that verifies and is not about to expire.',
  trackers:
    "No advertising or social-media trackers; site analytics only with consent (ePrivacy Directive art. 5(3); tracker categories from Ghostery's tracker database).",
  cookiesBeforeConsent:
    'No third-party cookies set before a consent choice, or after it was refused (ePrivacy Directive art. 5(3), GDPR consent).',
  consentBanner:
    'Where non-essential cookies or trackers are present, a consent dialog offers to refuse them.',
  lcp: `Largest Contentful Paint ≤ 2.5 s; over 4 s is poor (${WEB_VITALS}).`,
  lcpGoodMs: 2500,
  lcpPoorMs: 4000,
  cls: `Cumulative Layout Shift ≤ 0.1; over 0.25 is poor (${WEB_VITALS}).`,
  clsGood: 0.1,
  clsPoor: 0.25,
  tbt: 'Total Blocking Time ≤ 200 ms; over 600 ms is poor (Lighthouse, the lab stand-in for Interaction to Next Paint).',
  tbtGoodMs: 200,
  tbtPoorMs: 600,
} as const;

/** How the speed figures were measured: said in the report next to them. */
export const SPEED_CONDITIONS =
  "Measured in the lab while crawling: Chromium at 1280×800, no network or CPU throttling, one load per page; the home page once more at a phone's width (360×740, touch, device scale 2, its own empty cache), with the same thresholds. Field figures from real users on slower devices will be higher.";

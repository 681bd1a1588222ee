/**
 * The transport artifact's shapes, and the two readings of them that crawlers, rules and the
 * posture judge share: the HSTS header, and whether a browser would warn about a certificate.
 */

/**
 * How one host the crawl touched (the portal, or a service host its pages link to) is reached:
 * HTTPS, the certificate, the redirect from http:, HSTS.
 */
export interface HostTransport {
  host: string;
  role: 'portal' | 'service';
  /** An HTTPS connection could be made (whatever the certificate). */
  https: boolean;
  /** http://host/ redirects to https:// (null when http:// could not be reached). */
  httpRedirectsToHttps: boolean | null;
  tls: TlsFacts | null;
  /** The Strict-Transport-Security header of https://host/ (null when absent). */
  hsts: { maxAgeSeconds: number; includeSubDomains: boolean; preload: boolean } | null;
  /** Why HTTPS could not be checked, when it could not (TRANSPORT_NOT_CHECKED first: not asked at all). */
  error?: string;
}

/** Starts the error of a host not asked because its pages did not answer during the crawl. */
export const TRANSPORT_NOT_CHECKED = 'Not checked:';

export interface TlsFacts {
  /** 'TLSv1.3', 'TLSv1.2', … */
  protocol: string | null;
  cipher: string | null;
  issuer: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Whole days from the check to validTo (negative: expired). */
  daysToExpiry: number | null;
  nameMatches: boolean;
  /** The chain verifies against the trusted roots (Node's, plus any the audit was told to trust). */
  chainTrusted: boolean;
  /** Why verification failed (e.g. CERT_HAS_EXPIRED), when it did. */
  verifyError?: string;
}

/** /.well-known/security.txt of the portal (RFC 9116). */
export interface SecurityTxt {
  url: string;
  found: boolean;
  contacts: string[];
  /** The Expires field as written, and whether it has passed at check time. */
  expires: string | null;
  expired: boolean | null;
}

export interface TransportArtifact {
  checkedAt: string;
  hosts: HostTransport[];
  securityTxt: SecurityTxt;
}

export type Hsts = NonNullable<HostTransport['hsts']>;

/**
 * Parses a Strict-Transport-Security header (RFC 6797 §6.1): directives separated by `;`, names
 * without case. Only the first header counts when several were sent (joined with commas). A header
 * without a valid max-age is one a browser ignores: null.
 */
export function parseHsts(header: string | undefined | null): Hsts | null {
  if (!header) return null;
  const first = header.split(',')[0] ?? '';
  let maxAgeSeconds: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const directive of first.split(';')) {
    const [rawName = '', ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'max-age' && /^\d+$/.test(value)) maxAgeSeconds = Number(value);
    else if (name === 'includesubdomains') includeSubDomains = true;
    else if (name === 'preload') preload = true;
  }
  return maxAgeSeconds === null ? null : { maxAgeSeconds, includeSubDomains, preload };
}

/** Why a browser would warn about a host's certificate (first reason only), or null when it would not. */
export type CertificateDefect =
  | { kind: 'expired'; daysAgo: number }
  | { kind: 'wrong_name' }
  | { kind: 'untrusted'; verifyError?: string };

export function certificateDefect(tls: TlsFacts): CertificateDefect | null {
  if (tls.daysToExpiry !== null && tls.daysToExpiry < 0)
    return { kind: 'expired', daysAgo: -tls.daysToExpiry };
  if (!tls.nameMatches) return { kind: 'wrong_name' };
  if (!tls.chainTrusted)
    return { kind: 'untrusted', ...(tls.verifyError ? { verifyError: tls.verifyError } : {}) };
  return null;
}

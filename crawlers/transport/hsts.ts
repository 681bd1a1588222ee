import type { HostTransport } from '../../src/core/index.ts';

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

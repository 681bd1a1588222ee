import type { FetchStatus } from '../src/core/index.ts';
import type { FetchOutcome } from './contracts.ts';

/** The record of a URL for which no response body was obtained (yet): `status` says why. */
export function emptyFetchOutcome(url: string, status: FetchStatus, error?: string): FetchOutcome {
  return {
    requestedUrl: url,
    finalUrl: url,
    redirects: [],
    status,
    httpStatus: null,
    ...(error ? { error } : {}),
    headers: {},
    contentType: null,
    bytes: 0,
    fetchedAt: new Date().toISOString(),
    fetchMs: 0,
    html: null,
  };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface TrackerMatch {
  name: string;
  /** Ghostery's category key: advertising, site_analytics, social_media, hosting, … */
  category: string;
  organization: string | null;
}

/** Names the tracker a host belongs to, if a maintained tracker database lists it. */
export interface TrackerClassifier {
  /** e.g. '@ghostery/trackerdb 1.0.945' */
  database: string;
  classify(host: string): TrackerMatch | null;
}

const require = createRequire(import.meta.url);
const PACKAGE_DIR = join(dirname(require.resolve('@ghostery/trackerdb')), '..', '..');

/**
 * Ghostery's tracker database (the one WhoTracks.me publishes), loaded from its engine file (~10 ms).
 * `extra` adds hosts for tests and for national lists; it is consulted first.
 */
export async function loadTrackerClassifier(
  extra: Record<string, TrackerMatch> = {},
): Promise<TrackerClassifier> {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  // Imported when first needed: the adblocker engine takes a few hundred ms to load, which `--help` should not pay.
  const { default: loadTrackerDB } = await import('@ghostery/trackerdb');
  const db = await loadTrackerDB(readFileSync(join(PACKAGE_DIR, 'dist', 'trackerdb.engine')));
  const cache = new Map<string, TrackerMatch | null>();
  return {
    database: `@ghostery/trackerdb ${version}`,
    classify(host) {
      const own = extra[host];
      if (own) return own;
      if (cache.has(host)) return cache.get(host) ?? null;
      const hit = db.matchDomain(host)[0];
      const match = hit?.pattern
        ? {
            name: hit.pattern.name,
            category: hit.category?.key ?? hit.pattern.category ?? 'unknown',
            organization: hit.organization?.name ?? null,
          }
        : null;
      cache.set(host, match);
      return match;
    },
  };
}

/**
 * Crawler-trap guards: URL shapes that multiply without end (calendars, faceted search, session
 * paths). Stateful: counts variants per path and per calendar pattern, and is rebuilt on restore.
 */

export const TRAP_LIMITS = {
  /** A non-empty path segment repeated this many times is a loop (/a/b/a/b/a/). */
  repeatedSegment: 3,
  maxSegments: 12,
  /** Distinct query strings allowed per path. */
  queryVariantsPerPath: 10,
  /**
   * …and per path when the URL is a signpost: a menu, header or footer link, or a view of a
   * script-drawn app (`/index.html?view=name`). Still bounded: a menu that grows without end is a trap.
   */
  signpostedQueryVariantsPerPath: 40,
  /** Calendar-like URLs allowed per pattern (numeric path segments masked, query keys only). */
  calendarPerPattern: 5,
} as const;

const NON_HTML_EXTENSION =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|tsv|xml|json|rss|atom|zip|rar|7z|gz|tgz|bz2|tar|jpe?g|png|gif|webp|svg|bmp|ico|tiff?|heic|avif|mp3|mp4|m4a|m4v|avi|mov|wmv|webm|ogg|ogv|wav|flac|mkv|exe|msi|dmg|iso|apk|css|js|mjs|woff2?|ttf|otf|eot|ics|vcf|kml|kmz|gpx|epub)$/i;

const DATE_IN_PATH = /(^|\/)(19|20)\d{2}([-/_.]?)(0?[1-9]|1[0-2])(\3(0?[1-9]|[12]\d|3[01]))?(\/|$)/;
const DATE_IN_QUERY = /(19|20)\d{2}[-/_.]?(0[1-9]|1[0-2])/;
const CALENDAR_PARAM =
  /^(year|month|day|date|week|yr|mo|mes|mois|annee|ano|anio|jour|dia|fecha|data|cal|calendar|tx_cal|ym)$/i;

export type TrapReason = 'non_html' | 'repeated_segment' | 'too_deep_path' | 'query_variants' | 'calendar';

export function isNonHtmlUrl(url: URL): boolean {
  return NON_HTML_EXTENSION.test(url.pathname);
}

function isCalendarLike(url: URL): boolean {
  if (DATE_IN_PATH.test(url.pathname)) return true;
  for (const [key, value] of url.searchParams) {
    if (DATE_IN_QUERY.test(value)) return true;
    if (CALENDAR_PARAM.test(key) && /\d/.test(value)) return true;
  }
  return false;
}

function calendarPattern(url: URL): string {
  const keys = [...url.searchParams.keys()].sort().join('&');
  // Only all-number segments (2024, 05, 2024-05-01) are masked: a dated article's slug stays distinct.
  const path = url.pathname
    .split('/')
    .map((seg) => (/^[\d._-]+$/.test(seg) ? seg.replace(/\d+/g, '#') : seg))
    .join('/');
  return `${url.host}${path}?${keys}`;
}

export class TrapGuard {
  private readonly queryVariants = new Map<string, Set<string>>();
  private readonly calendarCounts = new Map<string, number>();

  /**
   * Checks a normalised URL and, when it passes, counts it. Returns why it is refused, or null.
   * `signposted`: the URL comes from a menu, header or footer link or an app's view.
   */
  admit(normalized: string, signposted = false): TrapReason | null {
    const url = new URL(normalized);
    if (isNonHtmlUrl(url)) return 'non_html';
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments.length > TRAP_LIMITS.maxSegments) return 'too_deep_path';
    const counts = new Map<string, number>();
    for (const seg of segments) {
      const n = (counts.get(seg) ?? 0) + 1;
      if (n >= TRAP_LIMITS.repeatedSegment) return 'repeated_segment';
      counts.set(seg, n);
    }
    const pathKey = `${url.host}${url.pathname}`;
    const variants = this.queryVariants.get(pathKey) ?? new Set<string>();
    const isNewVariant = url.search !== '' && !variants.has(url.search);
    const maxVariants = signposted
      ? TRAP_LIMITS.signpostedQueryVariantsPerPath
      : TRAP_LIMITS.queryVariantsPerPath;
    if (isNewVariant && variants.size >= maxVariants) return 'query_variants';
    const calendar = isCalendarLike(url);
    const pattern = calendar ? calendarPattern(url) : '';
    const calendarCount = this.calendarCounts.get(pattern) ?? 0;
    if (calendar && calendarCount >= TRAP_LIMITS.calendarPerPattern) return 'calendar';

    if (isNewVariant) {
      variants.add(url.search);
      this.queryVariants.set(pathKey, variants);
    }
    if (calendar) this.calendarCounts.set(pattern, calendarCount + 1);
    return null;
  }
}

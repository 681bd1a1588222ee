import { defineDetector, type PageCapture } from '../../src/core/index.ts';
import { captureDate } from '../_shared/content-dates.ts';
import { findDates, type TextDate } from '../_shared/dates.ts';
import { pageEvidence, textEvidence } from '../_shared/evidence.ts';
import { okHome, okPortalPages } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { snippetAround } from '../_shared/snippet.ts';

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 31;
/** Pages searched for dates, home first: recent items show on the home page or the news list. */
const MAX_PAGES = 40;

function dayOf(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Dates with a written year, on or before the capture day (future dates are events, not updates). */
function pastDates(page: PageCapture): TextDate[] {
  const captured = dayOf(captureDate(page));
  return findDates(page.text, captureDate(page)).filter(
    (d) => !d.yearInferred && d.date.getTime() <= captured,
  );
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: ['news'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const pages = okPortalPages(site).slice(0, MAX_PAGES);
    let latest: { page: PageCapture; date: TextDate } | null = null;
    for (const page of pages) {
      const captured = dayOf(captureDate(page));
      for (const date of pastDates(page)) {
        if (!latest || date.date > latest.date.date) latest = { page, date };
        if (captured - date.date.getTime() <= WINDOW_DAYS * DAY_MS) {
          const shown = snippetAround(page.text, date.index, date.raw.length, 100);
          return met(
            0.8,
            `Content dated ${iso(date.date)}, within a month of the capture (${iso(captureDate(page))}).`,
            [textEvidence(page, shown, `dated ${iso(date.date)}`)],
          );
        }
      }
    }
    if (latest) {
      return notMet(
        0.7,
        `The most recent date found is ${iso(latest.date.date)}, more than a month before the capture (${iso(captureDate(latest.page))}).`,
        [
          textEvidence(
            latest.page,
            snippetAround(latest.page.text, latest.date.index, latest.date.raw.length, 100),
            'most recent date on the portal',
          ),
        ],
      );
    }
    return needsReview(
      0.4,
      `No dated content found in ${pages.length} page(s); the last update cannot be told.`,
      [pageEvidence(home, 'home page and captured pages searched for dates')],
    );
  },
});

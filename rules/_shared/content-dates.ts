import type { PageCapture } from '../../src/core/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { findDates, type TextDate, upcomingDates } from './dates.ts';
import { elementEvidence, textEvidence } from './evidence.ts';
import { foldedPageText } from './folded-captures.ts';
import { snippetAround } from './snippet.ts';
import type { TopicContent } from './topic-detector.ts';

/** The capture date of a page: "upcoming" is judged against it, never against today. */
export function captureDate(page: PageCapture): Date {
  const t = Date.parse(page.fetchedAt);
  return Number.isNaN(t) ? new Date() : new Date(t);
}

/** The dates in a page's text, found once per capture (the capture date is part of the page). */
const datesAtCapture = memoizePerCapture((page: PageCapture): readonly TextDate[] =>
  findDates(page.text, captureDate(page)),
);

function datesOf(page: PageCapture): readonly TextDate[] {
  // Without a capture date, "upcoming" is judged against the clock: nothing to remember.
  return Number.isNaN(Date.parse(page.fetchedAt))
    ? findDates(page.text, captureDate(page))
    : datesAtCapture(page);
}

function distinctDays(dates: readonly TextDate[]): number {
  return new Set(dates.map((d) => d.date.getTime())).size;
}

/** News feeds announced in the page head (RSS/Atom), not comment feeds. */
export function newsFeeds(page: PageCapture): PageCapture['meta']['feeds'] {
  return page.meta.feeds.filter(
    (f) => !/comment|kommentar|commentaire|comentario/i.test(`${f.title} ${f.href}`),
  );
}

/** 296: a news feed, or a list of at least three dated items. */
export function newsContent(page: PageCapture): TopicContent | null {
  const feeds = newsFeeds(page);
  if (feeds.length > 0) {
    const feed = feeds[0]!;
    return {
      summary: `a news feed (${feed.type.includes('atom') ? 'Atom' : 'RSS'})`,
      evidence: elementEvidence(
        page,
        'link[rel=alternate]',
        `${feed.title || '(untitled feed)'} → ${feed.href}`,
        'news feed announced in the page head',
      ),
    };
  }
  const dates = datesOf(page);
  if (distinctDays(dates) >= 3 || dates.length >= 4) {
    const first = dates[0]!;
    return {
      summary: `${dates.length} dated items`,
      evidence: textEvidence(
        page,
        snippetAround(foldedPageText(page), first.index, first.raw.length, 160),
        `dated items (${dates
          .slice(0, 4)
          .map((d) => d.date.toISOString().slice(0, 10))
          .join(', ')})`,
      ),
    };
  }
  return null;
}

/** 295: at least one item dated on or after the capture day (within about a year). */
export function eventsContent(page: PageCapture): TopicContent | null {
  const reference = captureDate(page);
  const upcoming = upcomingDates(datesOf(page), reference);
  // A year-less date is always "upcoming" by construction: one alone proves nothing.
  const explicit = upcoming.filter((d) => !d.yearInferred);
  if (explicit.length === 0 && upcoming.length < 2) return null;
  const first = explicit[0] ?? upcoming[0]!;
  return {
    summary: `${upcoming.length} upcoming dated item(s) after the capture date ${reference.toISOString().slice(0, 10)}`,
    evidence: textEvidence(
      page,
      snippetAround(foldedPageText(page), first.index, first.raw.length, 160),
      `future-dated item: ${first.date.toISOString().slice(0, 10)}${first.yearInferred ? ' (year inferred)' : ''}`,
    ),
  };
}

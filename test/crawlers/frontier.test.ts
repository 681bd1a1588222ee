import { describe, expect, it } from 'vitest';
import { Frontier, type FrontierEntry, linkPriority } from '../../crawlers/frontier/frontier.ts';
import { normalizeUrl } from '../../crawlers/frontier/normalize-url.ts';
import { NO_HINT } from '../../src/core/index.ts';

const HOME = 'https://www.city.gov/';

function entry(url: string, depth = 1, priority = 0, hintScore = 0): FrontierEntry {
  return {
    url,
    depth,
    linkPath: [
      { url: HOME, text: '' },
      { url, text: url },
    ],
    priority,
    hintScore,
  };
}

function drain(frontier: Frontier): string[] {
  const out: string[] = [];
  for (let e = frontier.next(); e; e = frontier.next()) {
    out.push(e.url);
    frontier.complete(e.url);
  }
  return out;
}

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://WWW.City.GOV:80/a/b', 'http://www.city.gov/a/b'],
    ['https://www.city.gov:443/x#section', 'https://www.city.gov/x'],
    ['https://www.city.gov/a//b///c', 'https://www.city.gov/a/b/c'],
    ['https://www.city.gov/a/./b/../c', 'https://www.city.gov/a/c'],
    ['https://www.city.gov/p?b=2&a=1', 'https://www.city.gov/p?a=1&b=2'],
    ['https://www.city.gov/p?utm_source=x&id=3&fbclid=y&gclid=z', 'https://www.city.gov/p?id=3'],
    ['https://www.city.gov/p?utm_campaign=a', 'https://www.city.gov/p'],
    ['https://www.city.gov:8443/', 'https://www.city.gov:8443/'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('resolves relative URLs and refuses other schemes', () => {
    expect(normalizeUrl('../contact', 'https://www.city.gov/a/b/')).toBe('https://www.city.gov/a/contact');
    expect(normalizeUrl('mailto:mayor@city.gov')).toBeNull();
    expect(normalizeUrl('javascript:void(0)')).toBeNull();
    expect(normalizeUrl('ftp://city.gov/file')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('Frontier', () => {
  it('dedupes by normalised URL', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    expect(f.add(entry('https://www.city.gov/a?utm_source=x'))).toBe('added');
    expect(f.add(entry('https://WWW.city.gov/a#top'))).toBe('duplicate');
    expect(f.pendingCount).toBe(1);
    const e = f.next()!;
    f.complete(e.url);
    expect(f.add(entry('https://www.city.gov/a'))).toBe('duplicate');
  });

  it('visits the highest priority first, ties in discovery order', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    f.add(entry('https://www.city.gov/news', 1, 0));
    f.add(entry('https://www.city.gov/about', 1, 0));
    f.add(entry('https://www.city.gov/contact', 1, 30));
    f.add(entry('https://www.city.gov/fr/', 1, 1000));
    f.add(entry('https://www.city.gov/deep', 3, -6));
    expect(drain(f).map((u) => new URL(u).pathname)).toEqual([
      '/fr/',
      '/contact',
      '/news',
      '/about',
      '/deep',
    ]);
  });

  it('raises a pending URL found again with a better priority', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    f.add(entry('https://www.city.gov/a', 1, 0));
    f.add(entry('https://www.city.gov/b', 1, 5));
    expect(f.add(entry('https://www.city.gov/a', 2, 50, 5))).toBe('raised');
    const first = f.next()!;
    expect(first.url).toBe('https://www.city.gov/a');
    expect(first.hintScore).toBe(5);
    expect(first.depth).toBe(1);
  });

  it('scores links: hint, signpost regions, depth, language, sitemap', () => {
    const hint = { ...NO_HINT, score: 2 };
    expect(linkPriority({ hint, depth: 1, region: 'main' })).toBe(18);
    expect(linkPriority({ hint, depth: 1, region: 'nav' })).toBe(21);
    expect(linkPriority({ hint: NO_HINT, depth: 3 })).toBe(-6);
    expect(linkPriority({ hint: { ...NO_HINT, language: true }, depth: 1 })).toBeGreaterThan(900);
    expect(linkPriority({ hint: NO_HINT, depth: 1, source: 'sitemap' })).toBeLessThan(
      linkPriority({ hint: NO_HINT, depth: 4 }),
    );
  });

  it('enforces maxDepth and maxPages (uncounted pages give their slot back)', () => {
    const f = new Frontier({ maxPages: 3, maxDepth: 2 });
    expect(f.add(entry('https://www.city.gov/too-deep', 3))).toBe('too_deep');
    for (let i = 0; i < 6; i++) f.add(entry(`https://www.city.gov/p${i}`, 1));
    const a = f.next()!;
    f.complete(a.url, { counted: false }); // e.g. disallowed by robots.txt
    const taken = drain(f);
    expect(taken).toHaveLength(3);
    expect(f.next()).toBeNull();
    expect(f.budgetReached).toBe(true);
    expect(f.completedPages).toBe(3);
    expect(f.pendingCount).toBe(2);
  });

  it('skips obvious non-HTML files', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    for (const ext of ['pdf', 'docx', 'zip', 'jpg', 'mp4', 'xlsx', 'PNG']) {
      expect(f.add(entry(`https://www.city.gov/files/report.${ext}`))).toBe('non_html');
    }
    expect(f.add(entry('https://www.city.gov/files/report.html'))).toBe('added');
    expect(f.add(entry('https://www.city.gov/files/report.aspx?id=1'))).toBe('added');
  });

  it('guards against repeated segments and very deep paths', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 50 });
    expect(f.add(entry('https://www.city.gov/a/b/a/b/a/b'))).toBe('repeated_segment');
    expect(f.add(entry('https://www.city.gov/a/b/a/b'))).toBe('added');
    const deep = `https://www.city.gov/${Array.from({ length: 13 }, (_, i) => `s${i}`).join('/')}`;
    expect(f.add(entry(deep))).toBe('too_deep_path');
  });

  it('allows at most 10 query variants of one path', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    const results = Array.from({ length: 15 }, (_, i) => f.add(entry(`https://www.city.gov/list?page=${i}`)));
    expect(results.filter((r) => r === 'added')).toHaveLength(10);
    expect(results.slice(10)).toEqual(Array(5).fill('query_variants'));
    expect(f.add(entry('https://www.city.gov/list'))).toBe('added');
  });

  it('bounds an infinite calendar to a few pages per pattern', () => {
    const f = new Frontier({ maxPages: 1000, maxDepth: 1000 });
    let added = 0;
    // Follow "next month" links for 10 years, as a naive crawler would.
    for (let i = 0; i < 120; i++) {
      const year = 2024 + Math.floor(i / 12);
      const month = (i % 12) + 1;
      if (f.add(entry(`https://www.city.gov/calendar/${year}/${month}`, 1)) === 'added') added++;
      if (f.add(entry(`https://www.city.gov/agenda?month=${month}&year=${year}`, 1)) === 'added') added++;
      if (
        f.add(entry(`https://www.city.gov/events/${year}-${String(month).padStart(2, '0')}-01`, 1)) ===
        'added'
      )
        added++;
    }
    expect(added).toBe(15);
    // News articles under dated paths have distinct slugs and are not a calendar.
    for (let i = 1; i <= 9; i++) {
      expect(f.add(entry(`https://www.city.gov/news/2024/0${i}/story-${i}`))).toBe('added');
    }
  });

  it('checkpoints visited + pending (in-flight included) and restores them', () => {
    const f = new Frontier({ maxPages: 10, maxDepth: 5 });
    for (const p of ['a', 'b', 'c', 'd']) f.add(entry(`https://www.city.gov/${p}`, 1, p === 'c' ? 9 : 0));
    const first = f.next()!; // c
    f.complete(first.url);
    const inFlight = f.next()!; // a, not completed when the worker dies
    const cp = JSON.parse(JSON.stringify(f.checkpoint()));
    expect(cp.visited).toEqual(['https://www.city.gov/c']);
    expect(cp.pending.map((e: FrontierEntry) => e.url)).toEqual([
      inFlight.url,
      'https://www.city.gov/b',
      'https://www.city.gov/d',
    ]);
    expect(cp.pagesCounted).toBe(1);

    const restored = Frontier.restore(cp, { maxPages: 10, maxDepth: 5 });
    expect(restored.add(entry('https://www.city.gov/c'))).toBe('duplicate');
    expect(restored.add(entry('https://www.city.gov/b'))).toBe('duplicate');
    expect(drain(restored)).toEqual([
      'https://www.city.gov/a',
      'https://www.city.gov/b',
      'https://www.city.gov/d',
    ]);
    expect(restored.completedPages).toBe(4);
  });

  it('rebuilds trap counters on restore', () => {
    const f = new Frontier({ maxPages: 100, maxDepth: 5 });
    for (let i = 0; i < 10; i++) f.add(entry(`https://www.city.gov/list?page=${i}`));
    const restored = Frontier.restore(f.checkpoint(), { maxPages: 100, maxDepth: 5 });
    expect(restored.add(entry('https://www.city.gov/list?page=99'))).toBe('query_variants');
  });
});

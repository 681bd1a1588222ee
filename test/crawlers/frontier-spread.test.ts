import { describe, expect, it } from 'vitest';
import { BudgetSpread, placeOf } from '../../crawlers/frontier/budget-spread.ts';
import { Frontier, type FrontierEntry, hintValue } from '../../crawlers/frontier/frontier.ts';
import { normalizeUrl } from '../../crawlers/frontier/normalize-url.ts';
import { TRAP_LIMITS, TrapGuard } from '../../crawlers/frontier/trap-guard.ts';

const O = 'http://127.0.0.1:9';

function entry(path: string, fields: Partial<FrontierEntry> = {}): FrontierEntry {
  return {
    url: `${O}${path}`,
    depth: 1,
    linkPath: [{ url: `${O}/`, text: '' }],
    priority: 0,
    hintScore: 0,
    ...fields,
  };
}

describe('views of script-drawn apps as URLs', () => {
  it('keeps a hash route, which names a view, and drops any other fragment', () => {
    expect(normalizeUrl(`${O}/#/services/bins`)).toBe(`${O}/#/services/bins`);
    expect(normalizeUrl(`${O}/app#!/contact`)).toBe(`${O}/app#!/contact`);
    expect(normalizeUrl(`${O}/page#top`)).toBe(`${O}/page`);
  });
});

describe('TrapGuard and signposted query variants', () => {
  it("admits an app's menu views beyond the plain limit, up to the signpost limit", () => {
    const guard = new TrapGuard();
    const views = Array.from({ length: 45 }, (_, i) => `${O}/index.html?view=v${i}`);
    const admitted = views.filter((url) => guard.admit(url, true) === null);
    expect(admitted).toHaveLength(TRAP_LIMITS.signpostedQueryVariantsPerPath);
    const plain = new TrapGuard();
    const fromContent = views.filter((url) => plain.admit(url) === null);
    expect(fromContent).toHaveLength(TRAP_LIMITS.queryVariantsPerPath);
  });
});

describe('BudgetSpread', () => {
  it('places pages in sections and directories; hub pages of a section are siblings', () => {
    expect(placeOf(`${O}/council/data-protection/privacy.html`)).toMatchObject({
      section: '127.0.0.1:9/council',
      directory: '127.0.0.1:9/council/data-protection/',
      top: false,
    });
    expect(placeOf(`${O}/council/data-protection/`).directory).toBe('127.0.0.1:9/council/');
    expect(placeOf(`${O}/council/`).top).toBe(true);
    expect(placeOf(`${O}/contact.html`).top).toBe(true);
  });

  it('raises the first page of each section, until openers took their share of the budget', () => {
    const spread = new BudgetSpread(10);
    expect(spread.adjustment({ url: `${O}/housing/` })).toBeGreaterThan(0);
    // Only a section's own page opens it.
    expect(spread.adjustment({ url: `${O}/housing/repairs/` })).toBeCloseTo(0);
    spread.taken(`${O}/housing/`);
    spread.taken(`${O}/business/`);
    spread.taken(`${O}/news/`);
    expect(spread.adjustment({ url: `${O}/planning/` })).toBeCloseTo(0);
  });

  it('counts indicator codes already covered against a link, except those of the page it is on', () => {
    const spread = new BudgetSpread(60);
    spread.taken(`${O}/council/data-protection/`, ['234']);
    const onHub = { url: `${O}/council/data-protection/privacy.html`, codes: ['234'], hintPriority: 30 };
    const parentUrl = `${O}/council/data-protection/`;
    const withParent = spread.adjustment({ ...onHub, parentUrl });
    const elsewhere = spread.adjustment({ ...onHub, parentUrl: `${O}/news/` });
    expect(withParent).toBeGreaterThan(elsewhere);
    expect(elsewhere).toBeLessThanOrEqual(-15);
  });
});

describe('Frontier: evidence first within the budget', () => {
  it('values a link named for one indicator over one touching many', () => {
    const specific = hintValue({ score: 3, service: false, language: false, codes: ['234'] });
    const generic = hintValue({
      score: 5,
      service: true,
      language: false,
      codes: ['233', '266', '272', '276', '277', '278'],
    });
    expect(specific).toBeGreaterThan(generic);
  });

  it('opens every section before going deep into the first one', () => {
    const frontier = new Frontier({ maxPages: 10, maxDepth: 4 });
    for (const s of ['bins', 'housing', 'council']) frontier.add(entry(`/${s}/`, { priority: 1 }));
    for (let i = 0; i < 5; i++) {
      frontier.add(entry(`/bins/hub-${i}/`, { depth: 2, priority: 20, hintScore: 2, codes: ['284'] }));
    }
    const order = Array.from({ length: 4 }, () => new URL(frontier.next()!.url).pathname);
    expect(order.slice(0, 3).sort()).toEqual(['/bins/', '/council/', '/housing/']);
  });

  it('hands out the next best hinted entries beyond the budget, for link checks', () => {
    const frontier = new Frontier({ maxPages: 1, maxDepth: 4 });
    frontier.add(entry('/a/', { priority: 5 }));
    frontier.add(entry('/a/b.html', { depth: 2, priority: 3, hintScore: 1 }));
    frontier.add(entry('/a/c.html', { depth: 2, priority: 9 }));
    expect(frontier.next()?.url).toBe(`${O}/a/`);
    expect(frontier.next()).toBeNull();
    const extra = frontier.nextBeyondBudget((e) => e.hintScore > 0);
    expect(extra?.url).toBe(`${O}/a/b.html`);
    frontier.complete(extra!.url, { counted: false });
    expect(frontier.completedPages).toBe(0);
    expect(frontier.isVisited(`${O}/a/b.html`)).toBe(true);
  });
});

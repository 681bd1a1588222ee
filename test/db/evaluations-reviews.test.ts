import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Repositories, repositories } from '../../db/index.ts';
import { ReviewsRepo } from '../../db/repositories/reviews.repo.ts';
import type { IndicatorResult } from '../../src/core/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';

const RESULTS: IndicatorResult[] = [
  {
    ruleId: 'losi-2024/206-search',
    code: '206',
    criterion: 'TEC',
    method: 'auto',
    ruleVersion: 2,
    outcome: 'met',
    confidence: 0.9,
    message: 'A search form returns results for a word from the portal.',
    evidence: [
      {
        pageUrl: 'https://sampleton.example/',
        kind: 'form',
        selector: 'header > form',
        snippet: '<form role="search" action="/search">',
        linkPath: [{ url: 'https://sampleton.example/', text: '' }],
        screenshot: 'b'.repeat(64),
        note: 'search form on the home page',
      },
      { pageUrl: 'https://sampleton.example/search?q=tax', kind: 'text', snippet: '12 results for tax' },
    ],
  },
  {
    ruleId: 'losi-2024/234-privacy',
    code: '234',
    criterion: 'CP',
    method: 'heuristic',
    ruleVersion: 1,
    outcome: 'needs_review',
    confidence: 0.55,
    message: 'A link named "Privacy" leads to a page without a policy heading.',
    evidence: [
      { pageUrl: 'https://sampleton.example/privacy', kind: 'link', selector: 'nav a:nth-child(3)' },
    ],
  },
  {
    ruleId: 'losi-2024/236-open-data',
    code: '236',
    criterion: 'SP',
    method: 'heuristic',
    ruleVersion: 1,
    outcome: 'not_applicable',
    confidence: 1,
    message: 'Not assessed for this level.',
    evidence: [],
  },
];

describe('evaluations and reviews', () => {
  let t: TestStore;
  let repos: Repositories;
  let runId: number;
  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
    const target = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    runId = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
  });
  afterEach(() => t.cleanup());

  it('round-trips results with their evidence in order', () => {
    const id = repos.evaluations.create(runId, { id: 'losi-2024', version: '2024.1' }, RESULTS);
    expect(repos.evaluations.latestResults(runId)).toStrictEqual(RESULTS);
    const stored = repos.evaluations.byId(id);
    expect(stored).toMatchObject({ id, runId, catalogId: 'losi-2024', catalogVersion: '2024.1' });
    expect(stored?.results.map((r) => r.ruleId)).toEqual(RESULTS.map((r) => r.ruleId));
    expect(stored?.results.every((r) => Number.isInteger(r.resultId))).toBe(true);
    // Absent optional fields are SQL NULLs, not JSON 'null' text.
    const nulls = t.store.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM evidence_items WHERE link_path IS NULL`,
    );
    expect(nulls?.n).toBe(2);
  });

  it('keeps every evaluation; the latest is current', () => {
    const first = repos.evaluations.create(runId, { id: 'losi-2024', version: '2024.1' }, RESULTS);
    const rescored = RESULTS.map((r) =>
      r.code === '234' ? { ...r, outcome: 'met' as const, ruleVersion: 2 } : r,
    );
    const second = repos.evaluations.create(runId, { id: 'losi-2024', version: '2024.2' }, rescored);
    expect(repos.evaluations.latestForRun(runId)?.id).toBe(second);
    expect(repos.evaluations.latestResults(runId)).toStrictEqual(rescored);
    expect(repos.evaluations.byId(first)?.results.map(({ resultId: _, ...r }) => r)).toStrictEqual(RESULTS);
    expect(repos.evaluations.listForRun(runId).map((e) => e.id)).toEqual([first, second]);
    expect(repos.evaluations.latestResults(runId + 1)).toEqual([]);
  });

  it('writes an evaluation whole or not at all', () => {
    const duplicate = [RESULTS[0]!, RESULTS[0]!];
    expect(() => repos.evaluations.create(runId, { id: 'losi-2024', version: '2024.1' }, duplicate)).toThrow(
      /UNIQUE/,
    );
    expect(repos.evaluations.listForRun(runId)).toEqual([]);
    expect(t.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM evidence_items`)?.n).toBe(0);
  });

  it('appends reviews: two reviews are two rows and the latest wins', () => {
    repos.evaluations.create(runId, { id: 'losi-2024', version: '2024.1' }, RESULTS);
    const result = repos.evaluations.latestForRun(runId)!.results.find((r) => r.code === '234')!;
    const a = repos.reviews.append({
      runId,
      code: '234',
      resultId: result.resultId,
      reviewer: 'assessor-1',
      fromValue: 'needs_review',
      toValue: 'met',
      note: 'Policy is on the linked page, section 4.',
    });
    const b = repos.reviews.append({
      runId,
      code: '234',
      reviewer: 'reviewer',
      fromValue: 'met',
      toValue: 'not_met',
    });
    repos.reviews.append({ runId, code: '206', reviewer: 'assessor-1', toValue: 'met' });
    expect(b.id).toBeGreaterThan(a.id);
    const list = repos.reviews.listForRun(runId);
    expect(list.filter((r) => r.code === '234').map((r) => r.toValue)).toEqual(['met', 'not_met']);
    expect(list[0]).toMatchObject({
      resultId: result.resultId,
      note: 'Policy is on the linked page, section 4.',
    });
    const latest = repos.reviews.latestByCode(runId);
    expect(latest.get('234')?.toValue).toBe('not_met');
    expect(latest.get('206')?.toValue).toBe('met');
    expect(latest.size).toBe(2);
  });

  it('offers no way to change or remove a review, and rejects invalid ones', () => {
    const methods = Object.getOwnPropertyNames(ReviewsRepo.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual([
      'append',
      'countForIndicator',
      'latestByCode',
      'listForRun',
      'pageForIndicator',
    ]);
    expect(() =>
      repos.reviews.append({ runId, code: '206', reviewer: 'x', toValue: 'needs_review' as 'met' }),
    ).toThrow(/met, not_met, not_applicable/);
    expect(() => repos.reviews.append({ runId, code: '206', reviewer: ' ', toValue: 'met' })).toThrow(
      /reviewer/,
    );
    expect(() =>
      repos.reviews.append({ runId: runId + 99, code: '206', reviewer: 'x', toValue: 'met' }),
    ).toThrow(/FOREIGN KEY/);
    expect(repos.reviews.listForRun(runId)).toEqual([]);
  });
});

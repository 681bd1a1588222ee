import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Repositories, repositories } from '../../db/index.ts';
import type { CrawlEnd } from '../../src/core/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';
import { samplePage } from './sample-capture.ts';

const end = (over: Partial<CrawlEnd> = {}): CrawlEnd => ({
  outcome: 'ok',
  stopReason: 'frontier_exhausted',
  homeUrl: 'https://sampleton.example/',
  finalHomeUrl: 'https://sampleton.example/en/',
  pages: 12,
  statuses: { ok: 11, http_4xx: 1 },
  startedAt: '2026-11-22T10:00:00.000Z',
  finishedAt: '2026-11-22T10:03:00.000Z',
  spa: false,
  ...over,
});

describe('targets and runs', () => {
  let t: TestStore;
  let repos: Repositories;
  beforeEach(() => {
    t = createTestStore();
    repos = repositories(t.store);
  });
  afterEach(() => t.cleanup());

  it('finds the self-audit target again instead of duplicating it', () => {
    const a = repos.targets.findOrCreateSelfAudit({
      url: 'https://sampleton.example/',
      level: 'city',
      language: 'en',
    });
    const b = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    const other = repos.targets.findOrCreateSelfAudit({ url: 'https://other.example/', level: 'city' });
    expect(b.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
    expect(repos.targets.get(a.id)).toMatchObject({
      url: 'https://sampleton.example/',
      language: 'en',
      campaignId: null,
    });
  });

  it('keys campaign targets by (campaign, url)', () => {
    const c1 = repos.campaigns.create({ name: 'LOSI 2026', catalogId: 'losi-2024' });
    const c2 = repos.campaigns.create({ name: 'LOSI 2026 pilot', catalogId: 'losi-2024' });
    const t1 = repos.targets.createForCampaign(c1, {
      url: 'https://sampleton.example/',
      level: 'city',
      country: 'XX',
    });
    const again = repos.targets.createForCampaign(c1, { url: 'https://sampleton.example/', level: 'city' });
    const t2 = repos.targets.createForCampaign(c2, { url: 'https://sampleton.example/', level: 'city' });
    const self = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    expect(again.id).toBe(t1.id);
    expect(new Set([t1.id, t2.id, self.id]).size).toBe(3);
    expect(repos.targets.listForCampaign(c1).map((x) => x.id)).toEqual([t1.id]);
    expect(repos.campaigns.getByName('LOSI 2026')?.id).toBe(c1);
    expect(() => repos.campaigns.create({ name: 'LOSI 2026', catalogId: 'x' })).toThrow(/UNIQUE/);
  });

  it('adds a second run for a second audit of the same target, overwriting nothing', () => {
    const target = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    const first = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
    const page1 = samplePage('https://sampleton.example/', { extraLinks: 3 });
    for (const a of page1.artifacts) t.store.artifacts.put(a);
    repos.pages.upsert(first, page1.capture);
    repos.runs.finish(first, end());

    const second = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
    const page2 = samplePage('https://sampleton.example/', { extraLinks: 9 });
    for (const a of page2.artifacts) t.store.artifacts.put(a);
    repos.pages.upsert(second, page2.capture);

    expect(second).not.toBe(first);
    expect(repos.runs.list({ targetId: target.id }).map((r) => r.id)).toEqual([second, first]);
    expect(repos.runs.latestForTarget(target.id)?.id).toBe(second);
    expect(repos.pages.listCaptures(first)).toStrictEqual([page1.capture]);
    expect(repos.pages.listCaptures(second)).toStrictEqual([page2.capture]);
    expect(repos.runs.get(first)).toMatchObject({ status: 'finished', pages: 12 });
    expect(repos.runs.get(second)).toMatchObject({ status: 'running', outcome: null, finishedAt: null });
  });

  it('finishes a run with its crawl end, or marks it interrupted', () => {
    const target = repos.targets.findOrCreateSelfAudit({ url: 'https://sampleton.example/', level: 'city' });
    const startedAt = '2026-11-22T10:00:05.000Z';
    const done = repos.runs.create({
      targetId: target.id,
      catalogId: 'losi-2024',
      homeUrl: target.url,
      options: { budget: { maxPages: 60, maxDepth: 4, maxSeconds: 0 }, render: 'auto' },
      startedAt,
    });
    repos.runs.finish(done, end({ spa: true, message: 'switched to browser mode' }));
    expect(repos.runs.get(done)).toMatchObject({
      status: 'finished',
      outcome: 'ok',
      stopReason: 'frontier_exhausted',
      finalHomeUrl: 'https://sampleton.example/en/',
      spa: true,
      pages: 12,
      statuses: { ok: 11, http_4xx: 1 },
      startedAt: '2026-11-22T10:00:00.000Z',
      finishedAt: '2026-11-22T10:03:00.000Z',
      options: { budget: { maxPages: 60, maxDepth: 4, maxSeconds: 0 }, render: 'auto' },
      message: 'switched to browser mode',
    });

    const stopped = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
    repos.runs.finish(stopped, end({ stopReason: 'interrupted' }));
    expect(repos.runs.get(stopped)?.status).toBe('interrupted');

    const crashed = repos.runs.create({ targetId: target.id, catalogId: 'losi-2024', homeUrl: target.url });
    repos.runs.markInterrupted(crashed);
    repos.runs.markInterrupted(done);
    expect(repos.runs.get(crashed)).toMatchObject({ status: 'interrupted', stopReason: 'interrupted' });
    expect(repos.runs.get(done)?.status).toBe('finished');
    expect(repos.runs.list({ status: 'interrupted' }).map((r) => r.id)).toEqual([crashed, stopped]);
  });
});

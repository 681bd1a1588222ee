import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { countTargets, planCommand } from '../../src/campaign/commands/plan.ts';
import { measuredPlanFigures, type PlanFigures, planCampaign } from '../../src/campaign/plan.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

const render = (over: Partial<PlanFigures['byRender']['auto']>) => ({
  workerPagesPerSec: 10,
  workerCpuMsPerPage: 100,
  coordinatorPagesPerSec: 50,
  coordinatorCpuMsPerPage: 20,
  sqliteBytesPerPage: 20_000,
  artifactBytesPerPage: 10_000,
  redisBytesPerRecord: 100_000,
  renderedShare: 0,
  ...over,
});

const FIGURES: PlanFigures = {
  measuredAt: '2026-12-07',
  machine: { cpus: 2, model: 'test CPU', node: 'v20' },
  command: 'npm run bench -- --only fleet --write-plan-figures',
  workerConcurrency: 4,
  redisBytesPerQueuedSite: 1000,
  pagesPerSecPerSite: 2,
  multiCoordinator: { coordinators: 2, pagesPerSec: 70 },
  byRender: {
    none: render({}),
    auto: render({ workerPagesPerSec: 5, coordinatorPagesPerSec: 40, renderedShare: 0.2 }),
    all: render({ workerPagesPerSec: 1, coordinatorPagesPerSec: 25, renderedShare: 1 }),
  },
};

describe('campaign plan', () => {
  const work = tempWorkdir('pa-plan-');
  afterAll(() => work.cleanup());

  it('counts the targets campaign create would import', () => {
    const csv = work.path('targets.csv');
    writeFileSync(
      csv,
      'url,level\nhttps://a.example/,city\nhttps://b.example/,city\nnot a url,city\nhttps://c.example/,national\n',
    );
    expect(countTargets(csv)).toBe(3);
    expect(countTargets('5000')).toBe(5000);
  });

  it('projects a cycle the workers bound', () => {
    const csv = work.path('three.csv');
    writeFileSync(csv, 'url\nhttps://a.example/\nhttps://b.example/\nhttps://c.example/\n');
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(
        planCommand(csv, {
          pages: 200,
          workers: 4,
          render: 'auto',
          goalHours: 2,
          json: true,
          figures: FIGURES,
        }),
      ).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const plan = JSON.parse(out.join(''));
    expect(plan).toMatchObject({
      pages: 600,
      workersPagesPerSec: 20,
      coordinatorPagesPerSec: 40,
      fleetPagesPerSec: 20,
      coordinatorSaturates: false,
      coordinatorLoad: 0.5,
      workersToSaturate: 8,
      workersForGoal: 1,
      coordinatorsForGoal: 1,
      concurrencyNeeded: 3,
      redisPeakRecords: 64,
      redisPeakBytes: 3 * 1000 + 64 * 100_000,
      sqliteBytes: 12_000_000,
      artifactBytes: 6_000_000,
      figures: { measuredAt: '2026-12-07' },
    });
    expect(plan.hours).toBeCloseTo(600 / 20 / 3600, 6);
  });

  it('says when the coordinator saturates first, and what the goal needs', () => {
    const plan = planCampaign(FIGURES, { targets: 5000, pagesPerTarget: 200, workers: 20, render: 'auto' });
    expect(plan.pages).toBe(1_000_000);
    expect(plan.coordinatorSaturates).toBe(true);
    expect(plan.fleetPagesPerSec).toBe(40);
    expect(plan.hours).toBeCloseTo(1_000_000 / 40 / 3600, 6);
    // Workers crawl 100 pages/s, the coordinator stores 40: 60 % of the pages wait in Redis at the end.
    expect(plan.redisPeakRecords).toBe(600_000);
    expect(plan.redisPeakBytes).toBe(5000 * 1000 + 600_000 * 100_000);
    expect(plan.workersForGoal).toBe(28); // 1e6 / 7200 = 138.9 pages/s ÷ 5
    expect(plan.coordinatorsForGoal).toBe(4); // ÷ 40
    // Four coordinators sharing the store take the 20 workers' 100 pages/s.
    const four = planCampaign(FIGURES, {
      targets: 5000,
      pagesPerTarget: 200,
      workers: 20,
      render: 'auto',
      coordinators: 4,
    });
    expect(four.coordinatorPagesPerSec).toBe(160);
    expect(four.coordinatorSaturates).toBe(false);
    expect(four.hours).toBeCloseTo(1_000_000 / 100 / 3600, 6);
  });

  it('prints a projection that says where its figures come from', () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      planCommand('386', { pages: 200, workers: 4, render: 'all', goalHours: 2, figures: FIGURES });
    } finally {
      spy.mockRestore();
    }
    const text = out.join('');
    expect(text).toMatch(/386 targets × 200 pages = 77,200 pages, render all, 4 workers/);
    expect(text).toMatch(/projection from measurements on a 2-CPU machine/i);
    expect(text).toMatch(/saturates first\s+the workers/);
  });

  it('mixes HTTP and rendered pages for another rendered share under --render auto', () => {
    const plan = planCampaign(FIGURES, {
      targets: 100,
      pagesPerTarget: 100,
      workers: 1,
      render: 'auto',
      renderedShare: 0.5,
    });
    // Half the pages at 10 pages/s, half at 1: 2 / (1/10 + 1/1) pages/s.
    expect(plan.perPage.workerPagesPerSec).toBeCloseTo(1 / (0.5 / 10 + 0.5 / 1), 6);
    expect(plan.perPage.renderedShare).toBe(0.5);
    expect(plan.hours).toBeCloseTo(10_000 / plan.perPage.workerPagesPerSec / 3600, 6);
  });

  it('reads the committed figures for every render mode', () => {
    const figures = measuredPlanFigures();
    for (const mode of ['none', 'auto', 'all'] as const) {
      expect(figures.byRender[mode].workerPagesPerSec).toBeGreaterThan(0);
      expect(figures.byRender[mode].coordinatorPagesPerSec).toBeGreaterThan(0);
    }
  });
});

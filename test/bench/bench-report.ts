import { cpus } from 'node:os';
import { AXE_VERSION } from '../../crawlers/browser/axe-run.ts';
import type { BenchOptions } from './bench-options.ts';
import type { E2eResult } from './e2e-phase.ts';
import type { FleetResult } from './fleet-phase.ts';
import { fleetJson, fleetTable } from './fleet-report.ts';
import { EARLY_PAGES, type MemoryResult } from './memory-run.ts';
import type { PostureCost } from './posture-cost.ts';
import type { ScoringResult } from './scoring-phase.ts';
import type { StartupResult } from './startup.ts';
import { type LoopFigures, round } from './stats.ts';
import { pad } from './text-table.ts';

export const TARGETS = {
  /** `portal-audit --help`, the built CLI, whole process. */
  startupHelpMs: 300,
  renderedVsBare: 0.8,
  /** The posture gather (page speed, cookies, transport, phone load) may cost at most this share. */
  postureGatherCost: 0.1,
  httpPagesPerMin: 1000,
  workerRssPeakMb: 1536,
  /** Final memory at most this much above (or below) the value after the first 500 pages. */
  finalDrift: 0.2,
  /** The whole `audit --render all` command against the bare-loop process, pages/min. */
  endToEndVsBare: 0.9,
  endToEndVsPa11y: 4,
  /** A one-page audit's wall time at most this many times the bare loop's on that page. */
  onePageVsBare: 1.5,
} as const;

export interface BenchResult {
  options: BenchOptions;
  chromium: string | null;
  loadBefore: number;
  loadAfter: number;
  phaseSeconds: Record<string, number>;
  notes: string[];
  pageBytes?: number;
  startup?: StartupResult;
  bare?: LoopFigures | null;
  rendered?: LoopFigures | null;
  bareViolations?: number;
  http?: LoopFigures;
  posture?: PostureCost;
  memory?: MemoryResult;
  scoring?: ScoringResult;
  fleet?: FleetResult;
  e2e?: E2eResult;
}

const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a !== undefined && b !== undefined && b > 0 ? a / b : null;

function derived(r: BenchResult) {
  const renderedVsBare = ratio(r.rendered?.pagesPerMin, r.bare?.pagesPerMin);
  // CPU per page is steadier than wall time on a shared machine: bare CPU / rendered CPU.
  const renderedVsBareCpu = ratio(r.bare?.cpuMsPerPage, r.rendered?.cpuMsPerPage);
  const m = r.memory;
  const drift = m?.early ? m.final.treeMb / m.early.treeMb - 1 : null;
  const p = r.posture;
  const postureCost = p ? 1 - p.withPosture.pagesPerMin / p.withoutPosture.pagesPerMin : null;
  const e = r.e2e;
  const endToEndVsBare = ratio(e?.auditPagesPerMin, e?.barePagesPerMin);
  const endToEndVsPa11y = ratio(e?.auditPagesPerMin, e?.pa11yPagesPerMin ?? undefined);
  const onePageVsBare = ratio(e?.onePageAuditMs, e?.onePageBareMs);
  return {
    renderedVsBare,
    renderedVsBareCpu,
    drift,
    postureCost,
    endToEndVsBare,
    endToEndVsPa11y,
    onePageVsBare,
  };
}

const r0 = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? null : round(x, digits);

export function toJson(r: BenchResult): Record<string, unknown> {
  const {
    renderedVsBare,
    renderedVsBareCpu,
    drift,
    postureCost,
    endToEndVsBare,
    endToEndVsPa11y,
    onePageVsBare,
  } = derived(r);
  const m = r.memory;
  return {
    startupHelpMs: r0(r.startup?.built?.medianMs),
    startupHelpSourcesMs: r0(r.startup?.sources.medianMs),
    barePagesPerMin: r0(r.bare?.pagesPerMin),
    renderedPagesPerMin: r0(r.rendered?.pagesPerMin),
    renderedVsBare: r0(renderedVsBare, 2),
    renderedVsBareCpu: r0(renderedVsBareCpu, 2),
    bareCpuMsPerPage: r0(r.bare?.cpuMsPerPage),
    renderedCpuMsPerPage: r0(r.rendered?.cpuMsPerPage),
    postureOnPagesPerMin: r0(r.posture?.withPosture.pagesPerMin),
    postureOffPagesPerMin: r0(r.posture?.withoutPosture.pagesPerMin),
    postureGatherCost: r0(postureCost, 3),
    postureOnCpuMsPerPage: r0(r.posture?.withPosture.cpuMsPerPage),
    postureOffCpuMsPerPage: r0(r.posture?.withoutPosture.cpuMsPerPage),
    httpPagesPerMin: r0(r.http?.pagesPerMin),
    httpCpuMsPerPage: r0(r.http?.cpuMsPerPage, 1),
    workerRssPeakMb: r0(m?.peak.treeMb),
    workerRssFinalMb: r0(m?.final.treeMb),
    workerRssAfter500Mb: r0(m?.early?.treeMb),
    workerRssFinalVsAfter500: r0(drift, 3),
    workerNodeRssPeakMb: r0(m?.peak.nodeRssMb),
    workerNodeRssFinalMb: r0(m?.final.nodeRssMb),
    workerChromiumPeakMb: r0(m?.peak.chromiumMb),
    memoryPages: m?.pages ?? null,
    memoryPagesPerMin: r0(m?.pagesPerMin),
    memoryBrowserLaunches: m?.browserLaunches ?? null,
    memoryTimeline: m?.timeline.map((s) => ({
      pages: s.pagesDone,
      seconds: round(s.seconds),
      treeMb: round(s.treeMb),
      nodeRssMb: round(s.nodeRssMb),
    })),
    scoringMs: r0(r.scoring?.cohort.losiMs, 1),
    scoringCpuMs: r0(r.scoring?.cohort.losiCpuMs, 1),
    scoringOsiMs: r0(r.scoring?.cohort.osiMs, 1),
    scoringPortals: r.scoring?.cohort.portals ?? null,
    rescoringMs: r0(r.scoring?.rescoring.rescoringMs),
    rescoringCpuMs: r0(r.scoring?.rescoring.rescoringCpuMs),
    rescoringPortals: r.scoring?.rescoring.portals ?? null,
    rescoringPagesPerPortal: r.scoring?.rescoring.pagesPerPortal ?? null,
    campaignScoringMs: r0(r.scoring?.campaign.scoringMs, 1),
    campaignRescoringMs: r0(r.scoring?.campaign.rescoringMs),
    campaignPortals: r.scoring?.campaign.portals ?? null,
    campaignPages: r.scoring?.campaign.pages ?? null,
    ...(r.fleet ? fleetJson(r.fleet) : {}),
    endToEndPagesPerMin: r0(r.e2e?.auditPagesPerMin),
    endToEndBarePagesPerMin: r0(r.e2e?.barePagesPerMin),
    endToEndVsBare: r0(endToEndVsBare, 2),
    pa11yPagesPerMin: r0(r.e2e?.pa11yPagesPerMin),
    endToEndVsPa11y: r0(endToEndVsPa11y, 2),
    onePageAuditMs: r0(r.e2e?.onePageAuditMs),
    onePageBareMs: r0(r.e2e?.onePageBareMs),
    onePageVsBare: r0(onePageVsBare, 2),
    endToEndRenderedPages: r.e2e?.renderedPages ?? null,
    pages: r.options.pages,
    httpPages: r.options.httpPages,
    concurrency: r.options.concurrency,
    reps: r.options.reps,
    pageKbAvg: r0(r.pageBytes !== undefined ? r.pageBytes / 1024 : null, 1),
    bareViolations: r.bareViolations ?? null,
    repetitions: {
      bare: r.bare?.reps ?? null,
      rendered: r.rendered?.reps ?? null,
      postureOn: r.posture?.withPosture.reps ?? null,
      postureOff: r.posture?.withoutPosture.reps ?? null,
      http: r.http?.reps ?? null,
      e2e:
        r.e2e?.reps.map((x) => ({
          auditMs: round(x.auditMs),
          bareMs: round(x.bareMs),
          pa11yMs: x.pa11yMs === null ? null : round(x.pa11yMs),
          onePageAuditMs: round(x.oneAuditMs),
          onePageBareMs: round(x.oneBareMs),
        })) ?? null,
    },
    machine: {
      cpus: cpus().length,
      loadBefore: round(r.loadBefore, 1),
      loadAfter: round(r.loadAfter, 1),
      chromium: r.chromium,
      axe: AXE_VERSION,
      node: process.version,
    },
    memoryMeasured:
      'workerRss*: PSS summed over the worker (Node) process and its Chromium processes, sampled every second from /proc; workerNodeRss*: VmRSS of the Node process alone',
    memoryProblems: m?.problems ?? [],
    phaseSeconds: r.phaseSeconds,
    targets: TARGETS,
    notes: r.notes,
  };
}

function verdict(ok: boolean | null): string {
  return ok === null ? '' : ok ? 'met' : 'MISSED';
}

const reps = (f: LoopFigures | null | undefined, cpu = false) =>
  f ? f.reps.map((x) => (cpu ? x.cpuMsPerPage : x.pagesPerMin).toFixed(0)).join(' ') : '';

function e2eLines(e: E2eResult): string[] {
  const { endToEndVsBare, endToEndVsPa11y, onePageVsBare } = derived({ e2e: e } as BenchResult);
  const x = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(2)}×`);
  const rows: string[][] = [['6 end to end (whole processes)', 'figure', 'reps', 'target']];
  const runs = (pick: (x: E2eResult['reps'][number]) => number | null, pages = e.pages) =>
    e.reps.map((x) => pick(x)).map((ms) => (ms === null ? '-' : ((pages / ms) * 60_000).toFixed(0)));
  rows.push([
    `portal-audit audit --render all (${e.pages} pages)`,
    `${e.auditPagesPerMin.toFixed(0)} pages/min`,
    e.reps.map((x, i) => ((e.renderedPages[i]! / x.auditMs) * 60_000).toFixed(0)).join(' '),
    '',
  ]);
  rows.push([
    'bare loop process',
    `${e.barePagesPerMin.toFixed(0)} pages/min`,
    runs((x) => x.bareMs).join(' '),
    '',
  ]);
  rows.push([
    'pa11y-ci (axe runner)',
    e.pa11yPagesPerMin === null ? 'n/a' : `${e.pa11yPagesPerMin.toFixed(0)} pages/min`,
    runs((x) => x.pa11yMs).join(' '),
    '',
  ]);
  rows.push([
    'audit / bare',
    x(endToEndVsBare),
    '',
    `≥ ${TARGETS.endToEndVsBare}×: ${verdict(endToEndVsBare === null ? null : endToEndVsBare >= TARGETS.endToEndVsBare)}`,
  ]);
  rows.push([
    'audit / pa11y-ci',
    x(endToEndVsPa11y),
    '',
    `≥ ${TARGETS.endToEndVsPa11y}×: ${verdict(endToEndVsPa11y === null ? null : endToEndVsPa11y >= TARGETS.endToEndVsPa11y)}`,
  ]);
  rows.push([
    'one page: audit / bare (ms)',
    `${e.onePageAuditMs.toFixed(0)} / ${e.onePageBareMs.toFixed(0)} = ${x(onePageVsBare)}`,
    e.reps.map((r) => `${r.oneAuditMs.toFixed(0)}/${r.oneBareMs.toFixed(0)}`).join(' '),
    `≤ ${TARGETS.onePageVsBare}×: ${verdict(onePageVsBare === null ? null : onePageVsBare <= TARGETS.onePageVsBare)}`,
  ]);
  return pad(rows).split('\n');
}

export function formatTable(r: BenchResult): string {
  const { renderedVsBare, renderedVsBareCpu, drift, postureCost } = derived(r);
  const o = r.options;
  const lines: string[] = [];
  lines.push(
    `portal-audit bench: ${o.pages} pages (avg ${((r.pageBytes ?? 0) / 1024).toFixed(0)} KB HTML), concurrency ${o.concurrency}, ` +
      `${o.reps} reps (medians), ${cpus().length} CPUs, load ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}, axe-core ${AXE_VERSION}`,
  );
  const s = r.startup;
  if (s) {
    const built = s.built
      ? `${s.built.medianMs.toFixed(0)} ms (runs ${s.built.runsMs.map((x) => x.toFixed(0)).join(' ')})`
      : 'not built';
    lines.push(
      '',
      `0 start-up, portal-audit --help (median of ${s.sources.runsMs.length}): built ${built}; ` +
        `sources through tsx ${s.sources.medianMs.toFixed(0)} ms; target built < ${TARGETS.startupHelpMs} ms: ` +
        verdict(s.built ? s.built.medianMs < TARGETS.startupHelpMs : null),
    );
  }
  const rows: string[][] = [['phase', 'pages/min', 'reps (pages/min)', 'CPU ms/page', 'target']];
  if (r.bare)
    rows.push([
      '1 bare limit (goto + axe)',
      r.bare.pagesPerMin.toFixed(0),
      reps(r.bare),
      r.bare.cpuMsPerPage.toFixed(0),
      '',
    ]);
  if (r.rendered) {
    rows.push([
      '2 portal-audit rendered',
      `${r.rendered.pagesPerMin.toFixed(0)}${renderedVsBare !== null ? ` (${renderedVsBare.toFixed(2)}× bare)` : ''}`,
      reps(r.rendered),
      `${r.rendered.cpuMsPerPage.toFixed(0)}${renderedVsBareCpu !== null ? ` (bare/ours ${renderedVsBareCpu.toFixed(2)})` : ''}`,
      renderedVsBare !== null
        ? `≥ ${TARGETS.renderedVsBare}× bare: ${verdict(renderedVsBare >= TARGETS.renderedVsBare)}`
        : '',
    ]);
  }
  if (r.posture && postureCost !== null) {
    const { withPosture: on, withoutPosture: off } = r.posture;
    rows.push(
      [
        '2a rendered, posture gather off',
        off.pagesPerMin.toFixed(0),
        reps(off),
        off.cpuMsPerPage.toFixed(0),
        '',
      ],
      [
        '2b rendered, posture gather on',
        `${on.pagesPerMin.toFixed(0)} (${(postureCost * 100).toFixed(1)} % slower)`,
        reps(on),
        on.cpuMsPerPage.toFixed(0),
        `≤ ${TARGETS.postureGatherCost * 100} % slower: ${verdict(postureCost <= TARGETS.postureGatherCost)}`,
      ],
    );
  }
  if (r.http) {
    rows.push([
      `3 HTTP fast path (${o.httpPages} pages)`,
      r.http.pagesPerMin.toFixed(0),
      reps(r.http),
      r.http.cpuMsPerPage.toFixed(1),
      `≥ ${TARGETS.httpPagesPerMin}: ${verdict(r.http.pagesPerMin >= TARGETS.httpPagesPerMin)}`,
    ]);
  }
  if (rows.length > 1) lines.push('', pad(rows));
  if (r.e2e) lines.push('', ...e2eLines(r.e2e));
  const m = r.memory;
  if (m) {
    const flat = drift === null ? null : Math.abs(drift) <= TARGETS.finalDrift;
    lines.push(
      '',
      `4 memory: worker process over ${m.pages} rendered pages (${m.jobs} site jobs, ${m.pagesPerMin.toFixed(0)} pages/min, ${m.browserLaunches} browser launches)`,
      `  worker + Chromium (PSS): peak ${m.peak.treeMb.toFixed(0)} MB, final ${m.final.treeMb.toFixed(0)} MB` +
        (m.early
          ? `, after ${EARLY_PAGES} pages ${m.early.treeMb.toFixed(0)} MB (final ${drift! >= 0 ? '+' : ''}${(drift! * 100).toFixed(0)} %)`
          : ''),
      `  Node worker alone (RSS): peak ${m.peak.nodeRssMb.toFixed(0)} MB, final ${m.final.nodeRssMb.toFixed(0)} MB; Chromium peak ${m.peak.chromiumMb.toFixed(0)} MB`,
      `  targets: peak ≤ ${TARGETS.workerRssPeakMb} MB: ${verdict(m.peak.treeMb <= TARGETS.workerRssPeakMb)}; final within ±${TARGETS.finalDrift * 100} % of the ${EARLY_PAGES}-page value: ${verdict(flat)}`,
    );
    if (m.problems.length) lines.push(`  capture problems: ${m.problems.slice(0, 3).join('; ')}`);
  }
  if (r.scoring) {
    const { cohort, rescoring, campaign: c } = r.scoring;
    lines.push(
      '',
      `5 scoring ${cohort.portals} portals × ${cohort.indicators} indicators: LOSI ${cohort.losiMs.toFixed(0)} ms (CPU ${cohort.losiCpuMs.toFixed(0)}), OSI with cohort normalisation ${cohort.osiMs.toFixed(0)} ms; target ≤ 1000 ms: ${verdict(cohort.losiMs <= 1000)}`,
      `  re-scoring ${rescoring.portals} portals (${rescoring.pagesPerPortal} pages each) from stored captures: ${rescoring.rescoringMs.toFixed(0)} ms (CPU ${rescoring.rescoringCpuMs.toFixed(0)}); target ≤ 10000 ms: ${verdict(rescoring.rescoringMs <= 10_000)}`,
      `  the bench's campaign (${c.portals} portals, ${c.pages} pages; ${c.source}): scoring ${c.scoringMs.toFixed(0)} ms, re-scoring ${c.rescoringMs.toFixed(0)} ms`,
    );
  }
  if (r.fleet) lines.push('', fleetTable(r.fleet));
  lines.push(
    '',
    `elapsed: ${Object.entries(r.phaseSeconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')}`,
  );
  for (const note of r.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

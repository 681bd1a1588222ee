import { describe, expect, it } from 'vitest';
import type { EvalReport, JudgedIndicator } from '../../src/eval/eval-types.ts';
import { formatEval } from '../../src/eval/format-eval.ts';
import { verdictOf } from '../../src/eval/judge.ts';
import {
  byIndicator,
  byLanguage,
  byMethod,
  calibrate,
  countVerdicts,
  methodTargets,
  wrongAnswers,
} from '../../src/eval/metrics.ts';

function row(
  code: string,
  outcome: JudgedIndicator['outcome'],
  truth: boolean | null,
  portal = 'riverton',
  language = 'en',
): JudgedIndicator {
  return {
    portal,
    language,
    catalog: 'losi-2024',
    code,
    ruleId: `losi-2024/${code}`,
    method: 'heuristic',
    criterion: 'EGL',
    outcome,
    confidence: 0.92,
    truth,
    ...(truth === false ? { truthNote: 'the link is a 404' } : {}),
    verdict: verdictOf(outcome, truth),
    message: `said ${outcome}`,
    evidence: [
      { page: '/help/', kind: 'element', selector: 'h1', snippet: 'Get help', linkPath: ['Home', 'Help'] },
    ],
  };
}

function reportOf(rows: JudgedIndicator[], labelled = true): EvalReport {
  const methods = byMethod(rows);
  const counts = countVerdicts(rows);
  return {
    tool: { name: 'portal-audit', version: '0' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    options: { render: 'none', maxPages: 60, catalog: null, rejudge: false },
    portals: [
      {
        portal: 'riverton',
        dir: '/x',
        level: 'city',
        language: 'en',
        catalog: 'losi-2024',
        home: '/',
        pages: 3,
        renderedPages: 0,
        externalPages: 0,
        stopReason: 'frontier_exhausted',
        seconds: 1,
        counts: labelled ? counts : countVerdicts([]),
        labelsWithoutRule: ['999'],
      },
    ],
    overall: counts,
    byMethod: methods,
    targets: methodTargets(methods),
    byLanguage: byLanguage(rows),
    byIndicator: byIndicator(rows),
    calibration: calibrate(rows),
    wrong: wrongAnswers(rows),
    results: rows,
  };
}

describe('formatEval', () => {
  it('prints portals, methods against targets, calibration, indicators and every wrong answer', () => {
    const text = formatEval(
      reportOf([row('240', 'met', false), row('234', 'met', true), row('206', 'met', null)]),
    );
    expect(text).toContain('Portals');
    expect(text).toMatch(/riverton\s+en\s+city\s+losi-2024\s+3\s+1\s+1\s+0\s+0/);
    expect(text).toContain('1 labelled code(s) have no rule in losi-2024: 999');
    expect(text).toMatch(
      /heuristic\s+1\s+1\s+0\s+0\s+0\s+0\s+0\s+1\s+0\.50\s+1\.00\s+1\s+P≥0\.95 MISSED {2}R≥0\.9 ok/,
    );
    expect(text).toContain(
      'Calibration: `met` at confidence ≥ 0.9: 1/2 right (50.0 %), target ≥ 95.0 % MISSED',
    );
    expect(text).toContain('no label on any portal: 206');
    expect(text).toContain('Wrong answers (1)');
    expect(text).toContain('FP riverton 240 (heuristic): said met @ 0.92, truth not met — the link is a 404');
    expect(text).toContain('· /help/  element  h1  via Home › Help');
    expect(text).toContain('“Get help”');
  });

  it('prints precision, recall and support per portal language and method', () => {
    const text = formatEval(
      reportOf([
        row('240', 'met', true, 'nakhla', 'ar'),
        row('234', 'not_met', true, 'nakhla', 'ar'),
        row('240', 'met', true, 'qinglan', 'zh'),
      ]),
    );
    expect(text).toContain("By language (the portal's language");
    expect(text).toMatch(/ar\s+1\s+heuristic\s+1\s+0\s+1\s+0\s+0\s+0\s+0\s+0\s+1\.00\s+0\.50\s+2/);
    expect(text).toMatch(/ar\s+1\s+all\s+1\s+0\s+1\s+0\s+0\s+0\s+0\s+0\s+1\.00\s+0\.50\s+2/);
    expect(text).toMatch(/zh\s+1\s+all\s+1\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+1\.00\s+1\.00\s+1/);
    expect(text).not.toMatch(/ar\s+1\s+auto/);
  });

  it('says when a portal has no label in the catalog it was judged with', () => {
    const text = formatEval(reportOf([row('206', 'met', null)], false));
    expect(text).toContain('riverton: none of its labels is a code of losi-2024');
    expect(text).toContain('Wrong answers (0)\n  none');
  });
});

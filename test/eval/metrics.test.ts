import { describe, expect, it } from 'vitest';
import type { Method, Outcome } from '../../src/core/index.ts';
import type { JudgedIndicator } from '../../src/eval/eval-types.ts';
import { displayUrl, judgeResults, verdictOf } from '../../src/eval/judge.ts';
import {
  byIndicator,
  byLanguage,
  byMethod,
  calibrate,
  countVerdicts,
  wrongAnswers,
} from '../../src/eval/metrics.ts';
import type { ReportIndicator } from '../../src/report/report-types.ts';

function row(
  code: string,
  outcome: Outcome,
  truth: boolean | null,
  confidence = 0.9,
  method: Method = 'auto',
  portal = 'p1',
  language = 'en',
): JudgedIndicator {
  return {
    portal,
    language,
    catalog: 'c',
    code,
    ruleId: `c/${code}`,
    method,
    criterion: 'X',
    outcome,
    confidence,
    truth,
    verdict: verdictOf(outcome, truth),
    message: '',
    evidence: [],
  };
}

describe('verdictOf', () => {
  it('counts only met as a yes, keeps not_applicable out and skips unlabelled codes', () => {
    expect(verdictOf('met', true)).toBe('TP');
    expect(verdictOf('met', false)).toBe('FP');
    expect(verdictOf('needs_review', true)).toBe('FN');
    expect(verdictOf('not_met', true)).toBe('FN');
    expect(verdictOf('error', true)).toBe('FN');
    expect(verdictOf('needs_review', false)).toBe('TN');
    expect(verdictOf('error', false)).toBe('TN');
    expect(verdictOf('not_applicable', true)).toBe('not_assessed');
    expect(verdictOf('met', null)).toBe('unlabelled');
  });
});

describe('countVerdicts', () => {
  it('computes the confusion counts, side counts, precision and recall', () => {
    const rows = [
      row('1', 'met', true),
      row('2', 'met', true),
      row('3', 'met', false),
      row('4', 'needs_review', true),
      row('5', 'not_met', false),
      row('6', 'needs_review', false),
      row('7', 'error', true),
      row('8', 'not_applicable', false),
      row('9', 'met', null),
    ];
    expect(countVerdicts(rows)).toEqual({
      labelled: 8,
      tp: 2,
      fp: 1,
      fn: 2,
      tn: 2,
      needsReview: 2,
      notAssessed: 1,
      errors: 1,
      unlabelled: 1,
      support: 4,
      precision: 2 / 3,
      recall: 2 / 4,
    });
  });

  it('gives null precision and recall when they are undefined', () => {
    const c = countVerdicts([row('1', 'not_met', false)]);
    expect(c.precision).toBeNull();
    expect(c.recall).toBeNull();
  });

  it('splits by method and by indicator', () => {
    const rows = [
      row('1', 'met', true, 0.9, 'auto', 'a'),
      row('1', 'met', false, 0.9, 'auto', 'b'),
      row('2', 'needs_review', true, 0.5, 'heuristic', 'a'),
      row('3', 'not_applicable', true, 0, 'manual', 'a'),
    ];
    const m = byMethod(rows);
    expect([m.auto.tp, m.auto.fp, m.heuristic.fn, m.manual.notAssessed]).toEqual([1, 1, 1, 1]);
    const ind = byIndicator(rows);
    expect(ind.map((r) => [r.code, r.counts.labelled])).toEqual([
      ['1', 2],
      ['2', 1],
      ['3', 1],
    ]);
  });

  it('splits by the portal language, over every method and per method', () => {
    const rows = [
      row('1', 'met', true, 0.9, 'auto', 'ar-a', 'ar'),
      row('2', 'needs_review', true, 0.5, 'heuristic', 'ar-a', 'ar'),
      row('1', 'met', true, 0.9, 'auto', 'zh-a', 'zh'),
      row('2', 'met', false, 0.9, 'heuristic', 'ar-b', 'ar'),
    ];
    const languages = byLanguage(rows);
    expect(languages.map((l) => [l.language, l.portals])).toEqual([
      ['ar', ['ar-a', 'ar-b']],
      ['zh', ['zh-a']],
    ]);
    const ar = languages[0]!;
    expect([ar.counts.tp, ar.counts.fp, ar.counts.fn, ar.counts.support]).toEqual([1, 1, 1, 2]);
    expect([ar.byMethod.auto.recall, ar.byMethod.heuristic.precision]).toEqual([1, 0]);
    expect(languages[1]!.counts.precision).toBe(1);
  });
});

describe('calibrate', () => {
  it('checks that a confident met is right at least 95 % of the time, and bins the rest', () => {
    const rows = [
      ...Array.from({ length: 19 }, (_, i) => row(`a${i}`, 'met', true, 0.95)),
      row('b', 'met', false, 0.92),
      row('c', 'met', false, 0.6),
      row('d', 'not_met', false, 1),
      row('e', 'met', null, 0.99),
    ];
    const cal = calibrate(rows);
    expect(cal.count).toBe(20);
    expect(cal.right).toBe(19);
    expect(cal.share).toBe(0.95);
    expect(cal.ok).toBe(true);
    const top = cal.bins.find((b) => b.outcome === 'met' && b.min === 0.9)!;
    expect([top.count, top.right]).toEqual([20, 19]);
    const low = cal.bins.find((b) => b.outcome === 'met' && b.min === 0.5)!;
    expect([low.count, low.right]).toEqual([1, 0]);
    const notMet = cal.bins.find((b) => b.outcome === 'not_met' && b.min === 0.9)!;
    expect([notMet.count, notMet.right]).toEqual([1, 1]);

    expect(calibrate([...rows, row('f', 'met', false, 0.9)]).ok).toBe(false);
  });
});

describe('wrongAnswers', () => {
  it('lists false alarms first, then misses, by portal and code', () => {
    const rows = [
      row('2', 'needs_review', true, 0.5, 'auto', 'b'),
      row('1', 'met', false, 0.9, 'auto', 'b'),
      row('3', 'met', true),
      row('4', 'not_met', true, 0.8, 'auto', 'a'),
    ];
    expect(wrongAnswers(rows).map((r) => `${r.verdict} ${r.portal} ${r.code}`)).toEqual([
      'FP b 1',
      'FN a 4',
      'FN b 2',
    ]);
  });
});

describe('judgeResults', () => {
  it('joins results with labels and shortens evidence to paths a reader recognises', () => {
    const origins = { 'http://127.0.0.1:4000': '', 'http://127.0.0.2:4001': '127.0.0.2' };
    const result: ReportIndicator = {
      code: '214',
      id: 'losi-2024/214-contact-details',
      criterion: 'TEC',
      title: 'Contact',
      method: 'auto',
      outcome: 'met',
      confidence: 0.95,
      message: 'found',
      evidence: [
        {
          pageUrl: 'http://127.0.0.1:4000/contact.html',
          kind: 'link',
          selector: 'footer a',
          snippet: `  <a>Contact\n us</a> ${'x'.repeat(300)}`,
          linkPath: [
            { url: 'http://127.0.0.1:4000/', text: '' },
            { url: 'http://127.0.0.1:4000/contact.html', text: 'Contact us' },
          ],
        },
      ],
    };
    const [judged] = judgeResults([result, { ...result, code: '999' }], {
      portal: 'demo',
      language: 'zh-CN',
      catalog: 'losi-2024',
      labels: { '214': { met: false, note: 'no details' } },
      origins,
    });
    expect(judged).toMatchObject({
      verdict: 'FP',
      truth: false,
      truthNote: 'no details',
      ruleId: result.id,
      language: 'zh',
    });
    expect(judged!.evidence[0]).toMatchObject({
      page: '/contact.html',
      kind: 'link',
      selector: 'footer a',
      linkPath: ['Contact us'],
    });
    expect(judged!.evidence[0]!.snippet!.startsWith('<a>Contact us</a>')).toBe(true);
    expect(judged!.evidence[0]!.snippet!.length).toBeLessThanOrEqual(200);
    expect(displayUrl('http://127.0.0.2:4001/pay', origins)).toBe('127.0.0.2/pay');
    expect(displayUrl('https://elsewhere.example/x', origins)).toBe('https://elsewhere.example/x');
  });
});

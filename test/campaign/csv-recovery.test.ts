import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { type ParsedTargets, parseTargetsCsv } from '../../src/campaign/csv-targets.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const CITY = { defaultLevel: 'city', allowPrivate: false } as const;

/** Every non-blank line after the header is either an imported row's first line or reported. */
function accountedLines(parsed: ParsedTargets): number[] {
  return [...parsed.targets.map((t) => t.line), ...parsed.bad.map((b) => b.line)].sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('target lists with broken quoting or other separators', () => {
  const work = tempWorkdir('pa-csv-recovery-');
  afterAll(() => work.cleanup());

  it('an unclosed quote on line 45,000 of 50,000 rows costs that line only', () => {
    const lines = ['url,city'];
    for (let line = 2; line <= 50_001; line++) {
      lines.push(
        line === 45_000
          ? `"https://h${line}.example/,City ${line}`
          : `https://h${line}.example/,City ${line}`,
      );
    }
    const parsed = parseTargetsCsv(`${lines.join('\n')}\n`, CITY);
    expect(parsed.targets).toHaveLength(49_999);
    expect(parsed.bad).toEqual([{ line: 45_000, reason: expect.stringMatching(/quote .* never closed/) }]);
    expect(parsed.targets.at(-1)).toMatchObject({ line: 50_001, url: 'https://h50001.example/' });
  });

  it('a stray quote that runs into later quotes is dropped at its own line, and reading resumes after it', () => {
    const text = [
      'url,city,country', // 1
      'https://a.example/,"Ann Arbor, MI",USA', // 2 ok: quoted field with a comma
      'https://b.example/,"Bath,GBR', // 3 stray quote, runs on to the quote on line 5
      'https://c.example/,Cork,IRL', // 4
      'https://d.example/,"Dax, Landes",FRA', // 5 its opening quote "closes" line 3's field
      'https://e.example/,"Eton,GBR', // 6 stray quote closed validly by the one on line 8 …
      'https://f.example/,Faro,PRT', // 7
      'https://g.example/,Graz",AUT', // 8 … with the same field count as a real row
      '', // 9 blank
      'https://h.example/,"Hilo\nHawaii",USA', // 10-11 a real multi-line cell stays one row
      'https://i.example/,Ivrea,ITA', // 12
    ].join('\n');
    const parsed = parseTargetsCsv(text, CITY);
    expect(parsed.targets.map((t) => [t.line, t.city])).toEqual([
      [2, 'Ann Arbor, MI'],
      [4, 'Cork'],
      [5, 'Dax, Landes'],
      [7, 'Faro'],
      [10, 'Hilo\nHawaii'],
      [12, 'Ivrea'],
    ]);
    expect(parsed.bad.map((b) => b.line)).toEqual([3, 6, 8]);
    expect(parsed.bad[0]?.reason).toMatch(
      /quote opened on this line is not closed on it \(the field ran on to line 5\)/,
    );
    expect(parsed.bad[1]?.reason).toMatch(/ran on to line 8/);
    expect(parsed.bad[2]?.reason).toMatch(/quote inside an unquoted field/);
    expect(accountedLines(parsed)).toEqual([...range(2, 8), 10, 12]);
  });

  it('reads semicolon- and tab-separated lists, detected from the header line', () => {
    const semicolon = parseTargetsCsv(
      'url;city;country\nhttps://www.muenchen.de/;München;DEU\nhttps://www.gent.be/;"Gent, Oost-Vlaanderen";BEL\n',
      CITY,
    );
    expect(semicolon.delimiter).toBe(';');
    expect(semicolon.bad).toEqual([]);
    expect(semicolon.targets.map((t) => [t.url, t.city, t.country])).toEqual([
      ['https://www.muenchen.de/', 'München', 'DEU'],
      ['https://www.gent.be/', 'Gent, Oost-Vlaanderen', 'BEL'],
    ]);
    const tab = parseTargetsCsv('url\tcity\r\nhttps://www.wien.gv.at/\tWien, Innere Stadt\r\n', CITY);
    expect(tab.delimiter).toBe('\t');
    expect(tab.targets.map((t) => t.city)).toEqual(['Wien, Innere Stadt']);
  });

  const corpora = join(import.meta.dirname, '../../../shared/corpora/targets');
  it.skipIf(!existsSync(corpora))('a real 27,000-row list with one stray quote loses only that row', () => {
    const lines = readFileSync(join(corpora, 'us-federal-website-index-2024-02-21.csv'), 'utf8').split('\n');
    const options = { ...CITY, columns: { url: 'target_url' } };
    const clean = parseTargetsCsv(lines.join('\n'), options);
    lines[19_999] = `"${lines[19_999]}`; // line 20,000; its later rows quote "GSA,FAS,…"-style fields
    const broken = parseTargetsCsv(lines.join('\n'), options);
    expect(broken.targets).toHaveLength(clean.targets.length - 1);
    expect(broken.bad.map((b) => b.line)).toEqual(
      [...clean.bad.map((b) => b.line), 20_000].sort((a, b) => a - b),
    );
  });

  it('`campaign create` lists every dropped line with its count and names the separator', async () => {
    const rows = range(2, 301).map((line) =>
      line % 50 === 0
        ? `https://h${line}.example/;"Stadt ${line}`
        : `https://h${line}.example/;Stadt ${line}`,
    );
    writeFileSync(work.path('liste.csv'), `url;city\n${rows.join('\n')}\n`);
    const db = work.path('csv.db');
    const result = await runCli([
      'campaign',
      'create',
      'eu',
      '--targets',
      work.path('liste.csv'),
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /created with 294 targets \(6 rows skipped\) from a semicolon-separated list/,
    );
    const reported = result.stderr.trim().split('\n');
    expect(reported.every((l) => l.startsWith('portal-audit: '))).toBe(true);
    const lines = reported.map((l) => l.slice('portal-audit: '.length));
    expect(lines.slice(0, -1).map((l) => l.replace(/: .*/, ''))).toEqual(
      [50, 100, 150, 200, 250, 300].map((line) => `${work.path('liste.csv')}:${line}`),
    );
    expect(lines.at(-1)).toBe(`${work.path('liste.csv')}: 6 rows not imported (listed above).`);
    const store = openStore(db, { readonly: true });
    try {
      const repos = repositories(store);
      expect(repos.targets.listForCampaign(repos.campaigns.getByName('eu')!.id)).toHaveLength(294);
    } finally {
      store.close();
    }
  }, 120_000);
});

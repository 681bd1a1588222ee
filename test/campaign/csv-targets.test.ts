import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { parseTargetsCsv } from '../../src/campaign/csv-targets.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const BAD_LIST = [
  'URL,Level,Country,City,Language', // line 1: header, any case
  'https://www.paris.fr/,city,FRA,Paris,fr', // 2 ok
  ',city,ITA,Roma,it', // 3 no URL
  'htp//broken url,city,,,', // 4 invalid URL
  'https://www.gob.mx/,federal,MEX,,es', // 5 unknown level
  'https://www.paris.fr,city,FRA,Paris,fr', // 6 duplicate of line 2 (same URL once normalised)
  'www.gov.uk,national,GBR,,en', // 7 ok: bare host gets https://
  'https://www.gov.br/,national,BR,,pt-BR', // 8 ok: alpha-2 country converted
  'https://example.org/,city,XYZ,,', // 9 unknown country
  'ftp://files.example.org/,city,,,', // 10 not http(s)
  'https://a.example/,city,FRA,Lyon,fr,extra', // 11 too many fields
  '"https://multi.example/",city,ESP,"Las', // 12-13: a quoted city over two lines (ok, reported at 12)
  'Palmas",es',
  'http://127.0.0.1:8080/,city,,,', // 14 loopback without --allow-private
  'https://www.lisboa.pt/,city,PRT,Lisboa,p@t', // 15 bad language tag
];

describe('campaign target lists (CSV)', () => {
  const work = tempWorkdir('pa-csv-');
  afterAll(() => work.cleanup());

  it('imports the good rows and reports each bad one by line with the reason', () => {
    const { targets, bad } = parseTargetsCsv(BAD_LIST.join('\n'), {
      defaultLevel: 'city',
      allowPrivate: false,
    });
    expect(targets.map((t) => [t.line, t.url, t.level, t.country ?? null])).toEqual([
      [2, 'https://www.paris.fr/', 'city', 'FRA'],
      [7, 'https://www.gov.uk/', 'national', 'GBR'],
      [8, 'https://www.gov.br/', 'national', 'BRA'],
      [12, 'https://multi.example/', 'city', 'ESP'],
    ]);
    expect(targets[3]?.city).toBe('Las\nPalmas');
    expect(bad.map((b) => b.line)).toEqual([3, 4, 5, 6, 9, 10, 11, 14, 15]);
    const reason = (line: number) => bad.find((b) => b.line === line)?.reason;
    expect(reason(3)).toBe('no URL');
    expect(reason(4)).toMatch(/invalid URL/);
    expect(reason(5)).toMatch(/unknown level "federal"/);
    expect(reason(6)).toMatch(/duplicate URL .* line 2/);
    expect(reason(9)).toMatch(/ISO 3166/);
    expect(reason(10)).toMatch(/only http and https/);
    expect(reason(11)).toMatch(/6 fields, but the header has 5/);
    expect(reason(14)).toMatch(/private or loopback.*--allow-private/);
    expect(reason(15)).toMatch(/language tag/);
  });

  it('reports malformed CSV quoting by line and keeps going', () => {
    const text = [
      'url,city',
      'https://a.example/,A',
      'https://b.example/,B"ad',
      'https://c.example/,C',
      '"https://d.example/,D',
    ].join('\n');
    const { targets, bad } = parseTargetsCsv(text, { defaultLevel: 'city', allowPrivate: false });
    expect(targets.map((t) => t.url)).toEqual(['https://a.example/', 'https://c.example/']);
    expect(bad.map((b) => b.line)).toEqual([3, 5]);
    expect(bad[0]?.reason).toMatch(/malformed CSV/);
  });

  it('`campaign create` exits 0 when some rows import, 1 when none does', async () => {
    const db = work.path('csv.db');
    writeFileSync(work.path('list.csv'), `${BAD_LIST.join('\n')}\n`);
    const ok = await runCli(['campaign', 'create', 'survey', '--targets', work.path('list.csv'), '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/created with 4 targets \(9 rows skipped\)/);
    expect(ok.stderr).toContain('list.csv:5: unknown level "federal"');
    expect(ok.stderr.trim().split('\n')).toHaveLength(10);
    expect(ok.stderr).toContain('list.csv: 9 rows not imported (listed above).');

    writeFileSync(work.path('none.csv'), 'url,level\n,city\nnot a url,city\n');
    const none = await runCli([
      'campaign',
      'create',
      'empty',
      '--targets',
      work.path('none.csv'),
      '--db',
      db,
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /none\.csv:2: no URL[\s\S]*none\.csv:3: invalid URL[\s\S]*No row .* could be imported/,
    );

    const again = await runCli([
      'campaign',
      'create',
      'survey',
      '--targets',
      work.path('list.csv'),
      '--db',
      db,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const store = openStore(db, { readonly: true });
    try {
      const repos = repositories(store);
      const campaign = repos.campaigns.getByName('survey')!;
      expect(repos.targets.listForCampaign(campaign.id).map((t) => t.url)).toHaveLength(4);
      expect(repos.campaigns.getByName('empty')).toBeNull();
    } finally {
      store.close();
    }
  }, 120_000);

  // The real lists under ../shared/corpora/targets (read in place, never copied into the repo).
  const corpora = join(import.meta.dirname, '../../../shared/corpora/targets');
  it.skipIf(!existsSync(corpora))('reads the real public target lists', () => {
    const okfn = parseTargetsCsv(readFileSync(join(corpora, 'world-open-data-portals-okfn.csv'), 'utf8'), {
      defaultLevel: 'city',
      allowPrivate: false,
    });
    // 631 portals; alpha-2 country codes are converted; rows without a usable URL are reported.
    expect(okfn.targets.length + okfn.bad.length).toBeGreaterThanOrEqual(600);
    expect(okfn.targets.length).toBeGreaterThan(500);
    expect(okfn.targets.find((t) => t.url.includes('a2gov.org'))?.country).toBe('USA');

    const cities = parseTargetsCsv(readFileSync(join(corpora, 'us-dotgov-city-domains.csv'), 'utf8'), {
      defaultLevel: 'city',
      allowPrivate: false,
      columns: { url: 'Domain name', city: 'City' },
    });
    expect(cities.targets.length).toBeGreaterThan(8900);
    expect(cities.targets[0]).toMatchObject({
      url: 'https://29palms.gov/',
      city: 'Twentynine Palms',
      level: 'city',
    });
  });
});

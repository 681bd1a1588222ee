import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/index.ts';

/** The files `npm pack` puts in the tarball (dist/ only when it has been built). */
function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(json) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/** Every `packagePath('a', 'b')` in the code: the files it reads at run time beside itself. */
function packagePathsUsed(): string[] {
  const found = new Set<string>();
  for (const folder of ['src', 'crawlers', 'rules', 'queue', 'db']) {
    for (const file of readdirSync(join(PACKAGE_ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(PACKAGE_ROOT, folder, file), 'utf8');
      for (const call of text.matchAll(/packagePath\(((?:\s*'[^']+',?)+)\s*\)/g)) {
        found.add([...call[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]).join('/'));
      }
    }
  }
  return [...found];
}

describe('the npm package', () => {
  const files = packedFiles();

  it('ships every file the code reads beside itself (migrations, demo portal, static files)', () => {
    const used = packagePathsUsed();
    expect(used).toEqual(expect.arrayContaining(['db/migrations', 'fixtures/portals/demo', 'package.json']));
    for (const path of used) {
      expect(
        files.some((f) => f === path || f.startsWith(`${path}/`)),
        `${path} is read at run time but not in the package`,
      ).toBe(true);
    }
  });

  it('leaves out the tests, the TypeScript sources and the other fixture portals', () => {
    expect(files.filter((f) => f.startsWith('test/') || f.endsWith('.ts'))).toEqual([]);
    const kept = (f: string) => f.startsWith('fixtures/portals/demo/') || f.startsWith('fixtures/catalogs/');
    expect(files.filter((f) => f.startsWith('fixtures/') && !kept(f))).toEqual([]);
  });

  it('ships the example edition a national team starts from', () => {
    expect(files).toContain('fixtures/catalogs/example-city-adaptation.yaml');
  });
});

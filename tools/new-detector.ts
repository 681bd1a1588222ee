import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { detectorIndexSource, detectorNames, FEATURE_NAME } from './detector-index.ts';
import { DETECTOR_KINDS, type DetectorKind, detectorSource, fixturePage } from './detector-templates.ts';

/**
 * `npm run new:detector -- <feature> [--kind topic|service|custom]`: writes rules/detectors/<feature>.ts,
 * lists it in rules/detectors/index.ts, and writes a met and a not_met fixture case under
 * fixtures/rules/<feature>/, which the detector-fixture test runs. Returns the files written.
 */
export function newDetector(root: string, feature: string, kind: DetectorKind = 'topic'): string[] {
  if (!FEATURE_NAME.test(feature)) {
    throw new Error(
      `"${feature}" is not a detector name: lower-case words joined by "-", e.g. lost-property`,
    );
  }
  const file = join(root, 'rules', 'detectors', `${feature}.ts`);
  if (existsSync(file)) throw new Error(`rules/detectors/${feature}.ts exists already`);
  const written = [file];
  writeFileSync(file, detectorSource(feature, kind));
  writeFileSync(join(root, 'rules', 'detectors', 'index.ts'), detectorIndexSource(detectorNames(root)));
  written.push(join(root, 'rules', 'detectors', 'index.ts'));
  for (const outcome of ['met', 'not_met'] as const) {
    const dir = join(root, 'fixtures', 'rules', feature, `${outcome}-en-example`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), fixturePage(feature, outcome));
    written.push(join(dir, 'index.html'));
  }
  return written;
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { kind: { type: 'string', default: 'topic' }, root: { type: 'string', default: '.' } },
  });
  const [feature] = positionals;
  const kind = values.kind as DetectorKind;
  if (!feature || !DETECTOR_KINDS.includes(kind)) {
    process.stderr.write(`usage: npm run new:detector -- <feature> [--kind ${DETECTOR_KINDS.join('|')}]\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const root = resolve(values.root);
    for (const file of newDetector(root, feature, kind))
      process.stdout.write(`wrote ${file.slice(root.length + 1)}\n`);
    process.stdout.write(
      `next: write the detector and its two fixture pages, then name "${feature}" in an edition row (rules/catalogs/*.json)\n`,
    );
  } catch (error) {
    process.stderr.write(`new:detector: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();

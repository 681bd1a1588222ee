import { loadEditionFile } from '../../../rules/catalogs/load-edition-file.ts';
import { DETECTORS } from '../../../rules/detectors/index.ts';
import { CATALOGS } from '../../../rules/index.ts';
import { catalogNeeds, renderModeFor } from '../../engine/catalog-needs.ts';

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function listEditions(o: { json?: boolean }): void {
  const editions = Object.values(CATALOGS).map((c) => ({
    id: c.id,
    version: c.version,
    level: c.level,
    indicators: c.entries.length,
    title: c.title,
  }));
  if (o.json) {
    print(JSON.stringify(editions, null, 2));
    return;
  }
  for (const e of editions)
    print(
      `${e.id.padEnd(12)} ${e.version.padEnd(14)} ${e.level.padEnd(9)} ${String(e.indicators).padStart(4)} indicators  ${e.title}`,
    );
}

export function listDetectors(o: { json?: boolean }): void {
  const rows = Object.entries(DETECTORS).map(([name, detector]) => ({
    name,
    requires: detector.meta.requires,
    usedBy: Object.values(CATALOGS).flatMap((c) =>
      c.rules.filter((r) => r.detect === detector.detect).map((r) => `${c.id} ${r.meta.code}`),
    ),
  }));
  if (o.json) {
    print(JSON.stringify(rows, null, 2));
    return;
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const reads = r.requires.filter((x) => x !== 'pages');
    print(
      `${r.name.padEnd(width)}  ${(reads.length ? reads.join('+') : 'pages').padEnd(22)}  ${r.usedBy.join(', ') || '(no built-in row)'}`,
    );
  }
}

export function checkEdition(file: string): void {
  const catalog = loadEditionFile(file);
  const needs = catalogNeeds(catalog);
  print(`${file}: ${catalog.id} ${catalog.version} (${catalog.level}) is valid.`);
  print(catalog.notes[0] ?? '');
  const render = renderModeFor(undefined, needs);
  print(
    render === 'none'
      ? 'No detector of it reads a rendered page: audits run without a browser unless --render says otherwise.'
      : `It reads ${[...needs].filter((n) => n !== 'pages').join(', ')}: audits render pages in Chromium (--render auto).`,
  );
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A detector's name: lower-case words joined by "-", named after the feature it finds. */
export const FEATURE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function identifier(feature: string): string {
  return feature.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The detectors under `<root>/rules/detectors/`, by file stem. */
export function detectorNames(root: string): string[] {
  return readdirSync(join(root, 'rules', 'detectors'))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.slice(0, -3))
    .sort();
}

/** rules/detectors/index.ts as it must read for these detectors (the layout test compares). */
export function detectorIndexSource(names: readonly string[]): string {
  const sorted = [...names].sort();
  return [
    "import type { Detector } from '../../src/core/index.ts';",
    ...sorted.map((n) => `import ${identifier(n)} from './${n}.ts';`),
    '',
    '/**',
    " * Every detector, by the feature it finds (its file stem). Explicit, not globbed: an edition's rows",
    ' * name these. Written by `npm run new:detector`; the layout test checks it lists every file.',
    ' */',
    'export const DETECTORS: Readonly<Record<string, Detector>> = {',
    // Quoted only where needed, as the formatter writes them.
    ...sorted.map((n) => `  ${n.includes('-') ? `'${n}'` : n}: ${identifier(n)},`),
    '};',
    '',
  ].join('\n');
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Catalog, PageCapture } from '../core/index.ts';
import { buildCsv } from './csv.ts';
import type { ExtraFormat } from './formats.ts';
import { renderHtmlReport } from './html/render-report.ts';
import type { AuditReport } from './report-types.ts';

export interface ReportFiles {
  json: string;
  html: string;
  sarif?: string;
  csv?: string;
}

/** The part of the artifact store the report needs. */
export interface ScreenshotSource {
  get(hash: string): Buffer | null;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Writes report.json, report.html and the evidence screenshots into `outDir`. The HTML embeds the screenshots
 * (data URIs) so it can be mailed as one file; report.json points at the JPEG files beside it.
 */
export async function writeReport(
  outDir: string,
  artifacts: ScreenshotSource,
  catalog: Pick<Catalog, 'criteria' | 'notes'>,
  build: (screenshotPath: (hash: string) => string) => AuditReport,
  extra: { formats?: readonly ExtraFormat[]; pages?: readonly PageCapture[] } = {},
): Promise<{ report: AuditReport; files: ReportFiles }> {
  const dir = resolve(outDir);
  await mkdir(join(dir, 'screenshots'), { recursive: true });
  const used = new Map<string, Buffer>();
  const report = build((hash) => {
    if (HASH.test(hash) && !used.has(hash)) {
      const bytes = artifacts.get(hash);
      if (bytes) used.set(hash, bytes);
    }
    return `screenshots/${hash}.jpg`;
  });
  for (const [hash, bytes] of used) await writeFile(join(dir, 'screenshots', `${hash}.jpg`), bytes);

  const html = renderHtmlReport(report, {
    criteria: catalog.criteria,
    catalogNotes: catalog.notes,
    imageSrc: (path) => {
      const hash = /screenshots\/([0-9a-f]{64})\.jpg$/.exec(path)?.[1];
      const bytes = hash ? used.get(hash) : undefined;
      return bytes ? `data:image/jpeg;base64,${bytes.toString('base64')}` : null;
    },
  });
  const files: ReportFiles = { json: join(dir, 'report.json'), html: join(dir, 'report.html') };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.html, html);
  if (extra.formats?.includes('sarif')) {
    // Loaded when asked for: the converter is not needed for the HTML and JSON.
    const { buildSarif } = await import('./sarif.ts');
    files.sarif = join(dir, 'report.sarif');
    await writeFile(files.sarif, `${JSON.stringify(buildSarif(report, extra.pages ?? []), null, 2)}\n`);
  }
  if (extra.formats?.includes('csv')) {
    files.csv = join(dir, 'report.csv');
    await writeFile(files.csv, buildCsv(report));
  }
  return { report, files };
}

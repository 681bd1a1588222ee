import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { validateMarkup } from '../../../crawlers/validate/vnu.ts';
import { NuCheckerService } from '../../../crawlers/validate/vnu-service.ts';
import { until } from '../../helpers/until.ts';

const VALID = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valid</title></head>
<body><main><h1>Valid page</h1><p>Nothing to report.</p></main></body></html>`;
const INVALID = `<html><head><title>Invalid</title></head><body><p><div>unclosed</p><img src="a.png"></body></html>`;
const LATIN1 = `<!DOCTYPE html><html lang="fr"><head><meta charset="iso-8859-1"><title>Mairie</title></head>
<body><p>Hôtel de ville, état civil.</p></body></html>`;
const PAGES = [
  { url: 'http://127.0.0.1/valid', html: VALID },
  { url: 'http://127.0.0.1/invalid', html: INVALID },
  { url: 'http://127.0.0.1/latin1', html: LATIN1 },
];

/** Whether something answers HTTP at `base`. */
async function answers(base: string): Promise<boolean> {
  try {
    const response = await request(`${base}/`, { headersTimeout: 2000 });
    await response.body.dump();
    return true;
  } catch {
    return false;
  }
}

describe('NuCheckerService (one running W3C Nu checker)', () => {
  const service = new NuCheckerService();
  afterAll(() => service.close());

  it('gives the same verdicts as a one-shot run, and keeps serving', async () => {
    const oneShot = await validateMarkup(PAGES);
    const served = await service.validate(PAGES);
    expect(oneShot.available).toBe(true);
    expect(served).toEqual(oneShot);
    // A second site is checked by the same checker.
    const base = await service.endpoint();
    const again = await service.validate([PAGES[1]!]);
    expect(again.pages[0]).toEqual(oneShot.pages[1]);
    expect(await service.endpoint()).toBe(base);
  }, 120_000);

  it('reports unavailable, without throwing, when Java is missing', async () => {
    const missing = new NuCheckerService({ javaPath: '/nonexistent/bin/java' });
    try {
      const result = await missing.validate([{ url: 'http://127.0.0.1/', html: VALID }]);
      expect(result).toMatchObject({ validator: 'vnu', available: false, version: null, pages: [] });
      expect(result.reason).toMatch(/Java not found/);
    } finally {
      await missing.close();
    }
  }, 30_000);

  it('ends its checker on close, and when its process is killed (-9)', async () => {
    const closing = new NuCheckerService();
    const base = await closing.endpoint();
    expect(await answers(base)).toBe(true);
    await closing.close();
    expect(await until(async () => !(await answers(base)), 15_000)).toBe(true);

    const owner = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./vnu-owner.ts', import.meta.url))],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ownerBase = await new Promise<string>((resolve, reject) => {
      let out = '';
      owner.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) resolve(line.trim());
      });
      owner.on('exit', (code) => reject(new Error(`owner exited with ${code}`)));
    });
    expect(await answers(ownerBase)).toBe(true);
    owner.kill('SIGKILL');
    expect(await until(async () => !(await answers(ownerBase)), 15_000)).toBe(true);
  }, 120_000);
});

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMarkup } from '../../../crawlers/validate/vnu.ts';

const VALID = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valid</title></head>
<body><main><h1>Valid page</h1><p>Nothing to report.</p></main></body></html>`;
const INVALID = `<html><head><title>Invalid</title></head><body><p><div>unclosed</p><img src="a.png"></body></html>`;
const LATIN1 = `<!DOCTYPE html><html lang="fr"><head><meta charset="iso-8859-1"><title>Mairie</title></head>
<body><p>Hôtel de ville, état civil.</p></body></html>`;

describe('validateMarkup (W3C Nu checker)', () => {
  it('checks a batch in one run and maps messages back to page URLs', async () => {
    // A private temp root (this file runs in its own process) to see that the checker's files are removed.
    const root = mkdtempSync(join(tmpdir(), 'portal-audit-vnu-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = root;
    let result: Awaited<ReturnType<typeof validateMarkup>>;
    let left: string[];
    try {
      result = await validateMarkup([
        { url: 'http://127.0.0.1/valid', html: VALID },
        { url: 'http://127.0.0.1/invalid', html: INVALID },
        { url: 'http://127.0.0.1/latin1', html: LATIN1 },
      ]);
      left = readdirSync(root);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(root, { recursive: true, force: true });
    }
    expect(left).toEqual([]);
    expect(result.available).toBe(true);
    expect(result.version).toMatch(/^\d+\.\d+/);
    const [valid, invalid, latin1] = result.pages;
    expect(valid).toMatchObject({ url: 'http://127.0.0.1/valid', errors: 0, warnings: 0, messages: [] });
    expect(invalid?.url).toBe('http://127.0.0.1/invalid');
    expect(invalid?.errors).toBeGreaterThanOrEqual(3);
    expect(invalid?.messages[0]).toMatchObject({ type: 'error', line: 1 });
    expect(invalid?.messages.some((m) => /alt/.test(m.message))).toBe(true);
    expect(invalid?.messages.length).toBeLessThanOrEqual(20);
    // The copy is written as UTF-8 with its charset declaration adjusted: no encoding errors.
    expect(latin1?.errors).toBe(0);
  });

  it('reports unavailable, without throwing, when Java is missing', async () => {
    const result = await validateMarkup([{ url: 'http://127.0.0.1/', html: VALID }], {
      javaPath: '/nonexistent/bin/java',
    });
    expect(result).toMatchObject({ validator: 'vnu', available: false, version: null, pages: [] });
    expect(result.reason).toMatch(/Java not found/);
  });

  it('reports unavailable when the checker runs past its timeout', async () => {
    const result = await validateMarkup([{ url: 'http://127.0.0.1/', html: VALID }], { timeoutMs: 50 });
    expect(result.available).toBe(false);
    expect(result.reason).toMatch(/did not finish/);
  });
});

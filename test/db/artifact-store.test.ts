import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactHashError } from '../../db/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';
import { artifactOf, samplePortalHtml } from './sample-capture.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(dir, f)).isFile(),
  );
}

describe('artifact store', () => {
  let t: TestStore;
  beforeEach(() => {
    t = createTestStore();
  });
  afterEach(() => t.cleanup());

  it('stores bytes gzip-compressed at <dir>/<hash[0..2]>/<hash>.gz and gives them back', () => {
    const html = artifactOf('html', 'text/html', Buffer.from(samplePortalHtml('Home', 200)));
    const put = t.store.artifacts.put(html);
    const path = t.store.artifacts.pathOf(html.hash);
    expect(path).toBe(join(t.store.artifactDir, html.hash.slice(0, 2), `${html.hash}.gz`));
    const onDisk = readFileSync(path);
    expect([onDisk[0], onDisk[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(onDisk).equals(Buffer.from(html.data))).toBe(true);
    expect(put).toMatchObject({ written: true, bytes: html.data.byteLength, storedBytes: onDisk.length });
    expect(onDisk.length).toBeLessThan(html.data.byteLength / 3);
    expect(t.store.artifacts.get(html.hash)?.equals(Buffer.from(html.data))).toBe(true);
    expect(t.store.artifacts.has(html.hash)).toBe(true);
    expect(t.store.artifacts.info(html.hash)).toMatchObject({
      hash: html.hash,
      kind: 'html',
      mediaType: 'text/html',
      bytes: html.data.byteLength,
      storedBytes: onDisk.length,
    });
  });

  it('deduplicates by hash: the same bytes twice give one file and one row', () => {
    const shot = artifactOf('screenshot', 'image/jpeg', Buffer.from('jpeg bytes'));
    expect(t.store.artifacts.put(shot).written).toBe(true);
    expect(t.store.artifacts.put({ ...shot, data: new Uint8Array(shot.data) }).written).toBe(false);
    expect(listFiles(t.store.artifactDir)).toHaveLength(1);
    const rows = t.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM artifacts`);
    expect(rows?.n).toBe(1);
  });

  it('rejects bytes whose hash does not match, writing nothing', () => {
    const good = artifactOf('html', 'text/html', Buffer.from('<p>a</p>'));
    const forged = { ...good, data: Buffer.from('<p>b</p>') };
    expect(() => t.store.artifacts.put(forged)).toThrow(ArtifactHashError);
    expect(() => t.store.artifacts.put(forged)).toThrow(/mismatch/);
    expect(t.store.artifacts.has(good.hash)).toBe(false);
    expect(t.store.artifacts.info(good.hash)).toBeNull();
  });

  it('refuses anything that is not a 64-hex hash (no path traversal)', () => {
    const valid = 'a'.repeat(64);
    for (const bad of [
      '../../etc/passwd',
      `../${valid.slice(3)}`,
      `${valid.slice(1)}/`,
      'A'.repeat(64),
      valid.slice(1),
      '',
      `${valid}\n`,
    ]) {
      expect(() => t.store.artifacts.pathOf(bad)).toThrow(ArtifactHashError);
      expect(() => t.store.artifacts.get(bad)).toThrow(ArtifactHashError);
      expect(() => t.store.artifacts.has(bad)).toThrow(ArtifactHashError);
    }
    expect(() =>
      t.store.artifacts.put({
        hash: '../../x',
        kind: 'html',
        mediaType: 'text/html',
        data: Buffer.from('x'),
      }),
    ).toThrow(ArtifactHashError);
    expect(t.store.artifacts.get(valid)).toBeNull();
    expect(t.store.artifacts.has(valid)).toBe(false);
  });

  it('leaves no temporary files behind', () => {
    for (let i = 0; i < 20; i++)
      t.store.artifacts.put(artifactOf('html', 'text/html', Buffer.from(`page ${i}`)));
    const files = listFiles(t.store.artifactDir);
    expect(files).toHaveLength(20);
    expect(files.every((f) => f.endsWith('.gz'))).toBe(true);
  });
});

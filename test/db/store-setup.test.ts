import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { artifactDirFor, defaultDbPath, openStore, repositories } from '../../db/index.ts';
import { createTestStore, type TestStore } from '../helpers/test-db.ts';

const journal = JSON.parse(
  readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: { tag: string }[] };

const EXPECTED_TABLES = [
  'artifacts',
  'axe_findings',
  'axe_runs',
  'campaigns',
  'evaluations',
  'evidence_items',
  'indicator_results',
  'pages',
  'reviews',
  'runs',
  'site_artifacts',
  'targets',
];

describe('openStore', () => {
  let t: TestStore | undefined;
  const dirs: string[] = [];
  afterEach(() => {
    t?.cleanup();
    t = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('applies the committed, named migrations to a fresh file', () => {
    t = createTestStore();
    expect(journal.entries.map((e) => e.tag)).toContain('0000_init');
    const tables = t.store.db
      .all<{ name: string }>(
        sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining([...EXPECTED_TABLES, '__drizzle_migrations']));
    const applied = t.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    expect(applied?.n).toBe(journal.entries.length);
  });

  it('turns on WAL and foreign keys', () => {
    t = createTestStore();
    const { db } = t.store;
    expect(db.get<{ journal_mode: string }>(sql`PRAGMA journal_mode`)?.journal_mode).toBe('wal');
    expect(db.get<{ foreign_keys: number }>(sql`PRAGMA foreign_keys`)?.foreign_keys).toBe(1);
    expect(db.get<{ timeout: number }>(sql`PRAGMA busy_timeout`)?.timeout).toBe(5000);
    // WAL is a property of the file: a separate connection sees it too.
    const other = new Database(t.store.file, { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
    // Foreign keys are enforced, not just declared.
    expect(() =>
      repositories(t!.store).runs.create({
        targetId: 999,
        catalogId: 'losi-2024',
        homeUrl: 'https://x.example/',
      }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reopens an existing store without reapplying migrations, and keeps its data', () => {
    t = createTestStore();
    const target = repositories(t.store).targets.findOrCreateSelfAudit({
      url: 'https://a.example/',
      level: 'city',
    });
    const file = t.store.file;
    t.store.close();
    const again = openStore(file);
    try {
      expect(repositories(again).targets.get(target.id)?.url).toBe('https://a.example/');
      const n = again.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`)?.n;
      expect(n).toBe(journal.entries.length);
    } finally {
      again.close();
    }
  });

  it('opens read-only without writing, and refuses a file that is missing or not migrated', () => {
    t = createTestStore();
    const file = t.store.file;
    repositories(t.store).targets.findOrCreateSelfAudit({ url: 'https://b.example/', level: 'city' });
    const ro = openStore(file, { readonly: true });
    try {
      expect(ro.readonly).toBe(true);
      expect(repositories(ro).targets.listForCampaign(1)).toEqual([]);
      expect(() =>
        repositories(ro).targets.findOrCreateSelfAudit({ url: 'https://c.example/', level: 'city' }),
      ).toThrow(/readonly/i);
    } finally {
      ro.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'portal-audit-ro-'));
    dirs.push(dir);
    expect(() => openStore(join(dir, 'missing.db'), { readonly: true })).toThrow(/No evidence store/);
    new Database(join(dir, 'bare.db')).close();
    expect(() => openStore(join(dir, 'bare.db'), { readonly: true })).toThrow(/0 of \d+ migrations/);
  });

  it('lets several processes open the same fresh store at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-audit-race-'));
    dirs.push(dir);
    const file = join(dir, 'shared.db');
    const child = fileURLToPath(new URL('./open-store.child.ts', import.meta.url));
    // Children boot (slow: tsx), report ready, then all open the store the moment their stdin closes.
    const children = [1, 2, 3].map((i) =>
      spawn(process.execPath, ['--import', 'tsx', child, file, `https://city-${i}.example/`], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    const stderr = children.map((c) => {
      const chunks: Buffer[] = [];
      c.stderr.on('data', (d: Buffer) => chunks.push(d));
      return chunks;
    });
    await Promise.all(children.map((c) => once(c.stdout, 'data')));
    const exits = children.map((c) => once(c, 'exit'));
    for (const c of children) c.stdin.end();
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes, Buffer.concat(stderr.flat()).toString()).toEqual([0, 0, 0]);
    const store = openStore(file, { readonly: true });
    try {
      const n = store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM targets`)?.n;
      expect(n).toBe(3);
      const applied = store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`)?.n;
      expect(applied).toBe(journal.entries.length);
    } finally {
      store.close();
    }
  });

  it('creates missing parent folders and puts artifacts in a folder beside the DB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-audit-dir-'));
    dirs.push(dir);
    const store = openStore(join(dir, 'nested', 'deeper', 'audit.db'));
    try {
      expect(existsSync(store.file)).toBe(true);
      expect(store.artifactDir).toBe(join(dir, 'nested', 'deeper', 'audit-artifacts'));
    } finally {
      store.close();
    }
  });

  it('takes the default path from PORTAL_AUDIT_DB, else ./portal-audit.db', () => {
    expect(defaultDbPath({})).toBe('./portal-audit.db');
    expect(defaultDbPath({ PORTAL_AUDIT_DB: '/data/survey.db' })).toBe('/data/survey.db');
    expect(artifactDirFor('/data/survey.db')).toBe('/data/survey-artifacts');
    expect(artifactDirFor('/data/store')).toBe('/data/store-artifacts');
  });
});

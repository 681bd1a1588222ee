import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../db/index.ts';

export interface TestStore {
  store: Store;
  /** The temp directory holding the DB file and its artifact directory. */
  dir: string;
  cleanup(): void;
}

/** A fresh evidence store in its own temp directory, built from the real migrations. */
export function createTestStore(name = 'test.db'): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'portal-audit-db-'));
  const store = openStore(join(dir, name));
  return {
    store,
    dir,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemCertificates } from '../../src/cli/option-parsers.ts';
import { makeTestCertificates, type TestCertificates } from '../helpers/test-certificates.ts';

describe('--ca-file', () => {
  let dir: string;
  let certs: TestCertificates;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portal-audit-ca-file-'));
    certs = await makeTestCertificates(1);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await certs?.remove();
  });

  it('reads the PEM text of a certificate file', async () => {
    const path = join(dir, 'ca.pem');
    await writeFile(path, certs.caPem);
    expect(pemCertificates(path)).toBe(certs.caPem);
  });

  it('refuses a file that cannot be read, or that holds no certificate', async () => {
    expect(() => pemCertificates(join(dir, 'missing.pem'))).toThrow(InvalidArgumentError);
    const key = join(dir, 'key.pem');
    await writeFile(key, certs.valid.key);
    expect(() => pemCertificates(key)).toThrow(/holds no PEM certificate/);
  });
});

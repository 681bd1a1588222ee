import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL = '/usr/bin/openssl';
const OPENSSL_TIMEOUT_MS = 20_000;

/** A certificate and its key, PEM. */
export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** The local CA's certificate: what a test trusts through an option. */
  caPem: string;
  /** Valid from now for `validDays`, for localhost, 127.0.0.1 and 127.0.0.2. */
  valid: KeyPair;
  /** The same names, valid only in 2020. */
  expired: KeyPair;
  validDays: number;
  remove(): Promise<void>;
}

const SANS = 'DNS:localhost, IP:127.0.0.1, IP:127.0.0.2';

/**
 * Makes a local CA and two server certificates signed by it with the openssl CLI, in a temporary
 * directory: one valid for `validDays`, one expired (`openssl ca` sets past dates, which
 * `openssl x509 -req` of OpenSSL 3.0 cannot).
 */
export async function makeTestCertificates(validDays = 30): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-audit-certs-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run(OPENSSL, args, { cwd: dir, timeout: OPENSSL_TIMEOUT_MS });
  await mkdir(at('issued'));
  await writeFile(at('index.txt'), '');
  await writeFile(at('serial'), '1000\n');
  await writeFile(at('ca.cnf'), caConfig(dir));
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '3650',
    '-subj',
    '/O=Portal Audit Test CA/CN=Portal Audit Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl(
    'req',
    '-new',
    ...ecKey,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=localhost',
  );
  const sign = (out: string, dates: string[]) =>
    openssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-extensions',
      'server',
      '-notext',
      '-in',
      'server.csr',
      '-out',
      out,
      ...dates,
    );
  await sign('valid.pem', ['-days', String(validDays)]);
  await sign('expired.pem', ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']);
  const [caPem, key, validCert, expiredCert] = await Promise.all(
    ['ca.pem', 'server.key', 'valid.pem', 'expired.pem'].map((name) => readFile(at(name), 'utf8')),
  );
  return {
    caPem: caPem as string,
    valid: { key: key as string, cert: validCert as string },
    expired: { key: key as string, cert: expiredCert as string },
    validDays,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

function caConfig(dir: string): string {
  return `[ ca ]
default_ca = test_ca

[ test_ca ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/issued
certificate = $dir/ca.pem
private_key = $dir/ca.key
serial = $dir/serial
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none

[ any_name ]
commonName = supplied

[ server ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = ${SANS}
`;
}

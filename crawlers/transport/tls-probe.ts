import { isIP } from 'node:net';
import {
  checkServerIdentity,
  connect,
  type PeerCertificate,
  rootCertificates,
  type TLSSocket,
} from 'node:tls';
import type { TlsFacts } from '../../src/core/index.ts';
import { bareHost } from '../net/network-policy.ts';
import {
  abortMessage,
  deadlineSignal,
  describeError,
  type ProbeOptions,
  raceAbort,
} from './probe-options.ts';

export type TlsProbeResult = { ok: true; tls: TlsFacts } | { ok: false; error: string };

const DAY_MS = 86_400_000;

/**
 * Opens a TLS connection to host:port (to the address the network policy approves, with the host
 * name as SNI) and reads the handshake and the certificate. The certificate is not required to be
 * valid, so its facts can be read even when it is not; whether it verifies against the trusted roots
 * (Node's, plus `trustedCa`) is recorded instead. Never throws.
 */
export async function probeTls(
  hostname: string,
  port: number,
  options: ProbeOptions,
): Promise<TlsProbeResult> {
  const host = bareHost(hostname);
  const signal = deadlineSignal(options);
  if (signal.aborted) return { ok: false, error: abortMessage(options) };
  const destination = await raceAbort(options.network.resolve(host, port), signal);
  if (destination === null) return { ok: false, error: abortMessage(options) };
  if (!destination.ok) return { ok: false, error: destination.reason };
  return new Promise((resolve) => {
    const socket = connect({
      host: destination.address,
      port,
      // RFC 6066 allows no IP address as SNI.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      // Node would count a name mismatch as unauthorized (and check the address connected to, not
      // the name): the chain and the name are recorded apart, the name by tlsFacts.
      checkServerIdentity: () => undefined,
      ...(options.trustedCa?.length ? { ca: [...rootCertificates, ...options.trustedCa] } : {}),
    });
    let settled = false;
    const done = (result: TlsProbeResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => done({ ok: false, error: abortMessage(options) });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      try {
        done({ ok: true, tls: tlsFacts(socket, host) });
      } catch (error) {
        done({ ok: false, error: `Could not read the TLS session of ${host}: ${describeError(error)}` });
      }
    });
    // Not once: a socket may report more than one error, and an unheard one would end the process.
    socket.on('error', (error) =>
      done({ ok: false, error: `TLS connection to ${host}:${port} failed: ${describeError(error)}` }),
    );
  });
}

function tlsFacts(socket: TLSSocket, host: string): TlsFacts {
  const cert = socket.getPeerCertificate();
  const hasCert = cert && Object.keys(cert).length > 0;
  const validFrom = hasCert ? isoDate(cert.valid_from) : null;
  const validTo = hasCert ? isoDate(cert.valid_to) : null;
  const verifyError = socket.authorizationError;
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.name ?? null,
    issuer: hasCert ? issuerName(cert) : null,
    validFrom,
    validTo,
    daysToExpiry: validTo === null ? null : Math.floor((Date.parse(validTo) - Date.now()) / DAY_MS),
    nameMatches: hasCert ? checkServerIdentity(host, cert) === undefined : false,
    chainTrusted: socket.authorized,
    ...(verifyError ? { verifyError: String((verifyError as { code?: string }).code ?? verifyError) } : {}),
  };
}

/** The issuer's organisation, else its common name (either may be multi-valued). */
function issuerName(cert: PeerCertificate): string | null {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return first(cert.issuer?.O) ?? first(cert.issuer?.CN) ?? null;
}

function isoDate(text: string | undefined): string | null {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

import { Agent, buildConnector } from 'undici';
import type { NetworkPolicy } from './network-policy.ts';

const CONNECT_TIMEOUT_MS = 10_000;
const AGENT_OPTIONS = { keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 16 };

/** Error codes the fetcher's classifier maps back to the policy's statuses. */
const CODE_OF_STATUS = { private_address: 'EPRIVATEADDRESS', dns_error: 'ENOTFOUND', error: 'EREFUSED' };

/**
 * An undici connector that resolves through the network policy and connects to the address it
 * approved (TLS still verifies the certificate against the name asked for).
 */
function policyConnector(policy: NetworkPolicy, verifyTls = true): buildConnector.connector {
  const connectTo = buildConnector({
    timeout: CONNECT_TIMEOUT_MS,
    ...(verifyTls ? {} : { rejectUnauthorized: false }),
  });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    policy.resolve(options.hostname, port).then(
      (destination) => {
        if (!destination.ok) {
          const error = Object.assign(new Error(destination.reason), {
            code: CODE_OF_STATUS[destination.status],
          });
          callback(error, null);
          return;
        }
        connectTo({ ...options, hostname: destination.address }, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
}

const agents = new Map<string, Agent>();

/** One keep-alive connection pool per policy (policies with the same key share it). */
export function agentFor(policy: NetworkPolicy): Agent {
  let agent = agents.get(policy.key);
  if (!agent) {
    agent = new Agent({ ...AGENT_OPTIONS, connect: policyConnector(policy) });
    agents.set(policy.key, agent);
  }
  return agent;
}

/**
 * A pool like agentFor's whose HTTPS connections do not verify the certificate: for reading what a
 * server sends (its HSTS header, its security.txt) whatever its certificate, which the transport
 * check judges separately. Nothing is sent but a GET of a public address.
 */
export function unverifiedAgentFor(policy: NetworkPolicy): Agent {
  const key = `${policy.key}|unverified`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ ...AGENT_OPTIONS, connect: policyConnector(policy, false) });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes the shared connection pools (for a clean process exit). */
export async function closeAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((agent) => agent.close()));
}

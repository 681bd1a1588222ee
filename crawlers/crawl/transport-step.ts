import { describeStatus, type HostTransport, type TransportArtifact } from '../../src/core/index.ts';
import type { ProbeOptions } from '../transport/probe-options.ts';
import { checkTransport, notChecked } from '../transport/transport-check.ts';
import { transportTargets, withSeenRedirect } from '../transport/transport-hosts.ts';
import type { HostHealth } from './host-health.ts';

export interface SiteTransportInput {
  homeUrl: string;
  /** The home page's address after redirects: the portal host. */
  portalUrl: string;
  /** Every URL the crawl fetched (portal and external pages). */
  fetched: Iterable<string>;
  /** What http:// of the home page answered, when the crawl fetched it (null: not known). */
  homeRedirectsToHttps: boolean | null;
  hostHealth: HostHealth;
  options: ProbeOptions;
  onHost: (host: HostTransport) => void;
}

/** The crawl's transport step: which hosts to check (see transportTargets), and their check. */
export async function siteTransport(input: SiteTransportInput): Promise<TransportArtifact> {
  // http://host/ of the home page is not asked again: the crawl saw what it answers.
  const targets = withSeenRedirect(
    transportTargets(input.portalUrl, input.fetched, [input.homeUrl]),
    input.homeUrl,
    input.homeRedirectsToHttps,
  );
  // A service host whose pages timed out is not asked again: each ask would wait out a deadline.
  const down = targets.filter((t) => t.role === 'service' && input.hostHealth.failing(t.host) === 'timeout');
  const artifact = await checkTransport({
    targets: targets.filter((t) => !down.includes(t)),
    options: input.options,
    onHost: input.onHost,
  });
  for (const t of down) artifact.hosts.push(notChecked(t, describeStatus('timeout')));
  return artifact;
}

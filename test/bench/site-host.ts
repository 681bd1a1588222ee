import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pagePath } from './fixture-site.ts';

export interface HostedSite {
  origin: string;
  pages: number;
  /** Every page's URL, the home page first. */
  pageUrls: string[];
}

export interface SiteHost {
  sites: HostedSite[];
  pid: number;
  close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./site-process.ts', import.meta.url));

/** Starts the generated sites in a child process (see site-process.ts) and waits for their origins. */
export async function hostSites(specs: { pages: number; name?: string }[]): Promise<SiteHost> {
  const child: ChildProcess = fork(ENTRY, [JSON.stringify(specs)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origins = await new Promise<string[]>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { origins: string[] }).origins));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench site server exited with code ${code}`)));
  });
  return {
    pid: child.pid ?? -1,
    sites: origins.map((origin, k) => {
      const pages = specs[k]!.pages;
      return { origin, pages, pageUrls: Array.from({ length: pages }, (_, i) => `${origin}${pagePath(i)}`) };
    }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

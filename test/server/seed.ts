import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { openStore, repositories, type Store } from '../../db/index.ts';
import { UserWrites } from '../../db/review-app/user-writes.ts';
import { Recorder } from '../../queue/recorder.ts';
import { getCatalog } from '../../rules/index.ts';
import type { ArtifactBytes, IndicatorResult, PageCapture } from '../../src/core/index.ts';
import { startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { auditSite } from '../../src/pipeline/audit-site.ts';
import { hashPassword } from '../../src/server/auth/password.ts';

export const PASSWORD = 'correct horse battery staple';
export const USERS = {
  admin: 'ada',
  assessor: 'asa',
  second: 'bea',
  viewer: 'vic',
} as const;

const DEMO = fileURLToPath(new URL('../../fixtures/portals/demo', import.meta.url));

/** A real embedded audit of the bundled demo portal (Chromium renders the evidence pages). */
export async function seedDemoAudit(dbFile: string, outDir: string): Promise<number> {
  const portal = await startPortal(DEMO);
  try {
    const outcome = await auditSite({
      url: portal.home,
      level: 'city',
      budget: { maxPages: 15, maxDepth: 2, maxSeconds: 0 },
      render: 'auto',
      allowPrivate: true,
      dbFile,
      outDir,
    });
    return outcome.runId;
  } finally {
    await portal.close();
  }
}

/**
 * Captured HTML that tries everything a hostile page can: scripts, event handlers, a form posting to
 * the app (relative URLs resolve to the app's origin inside the frame), a meta refresh, a top-level
 * link, a nested frame of the app.
 */
export const HOSTILE_HTML = `<!doctype html><html lang="en"><head><title>Hostile page</title>
<meta http-equiv="refresh" content="1;url=/?refreshed=1">
<script>document.title = 'pwned-script'; document.documentElement.setAttribute('data-pwned', 'script');
try { top.location.href = '/?pwned=top'; } catch (e) {}
fetch('/logout', { method: 'POST', credentials: 'include' });</script>
</head><body onload="document.body.setAttribute('data-pwned-onload', '1'); top.location = '/?pwned=onload'">
<img src="data:," alt="" onerror="document.body.setAttribute('data-pwned-onerror', '1')">
<h1>Contact the city</h1>
<form id="evil-form" method="post" action="/logout"><input type="hidden" name="_csrf" value="x">
<button id="evil-submit" type="submit">Send</button></form>
<a id="evil-top" href="/admin/users" target="_top">Open admin</a>
<iframe id="evil-frame" src="/admin/users" title="nested"></iframe>
<footer><p>Footer text</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

function artifact(kind: ArtifactBytes['kind'], mediaType: string, data: Uint8Array): ArtifactBytes {
  return { hash: createHash('sha256').update(data).digest('hex'), kind, mediaType, data };
}

export interface HostileSeed {
  campaignId: number;
  runId: number;
  htmlHash: string;
  code: string;
  pageUrl: string;
}

/** A campaign with one target whose captured page is hostile, evaluated with one needs_review result. */
export function seedHostileCampaign(store: Store): HostileSeed {
  const recorder = new Recorder(store);
  const catalog = getCatalog('losi-2024');
  const campaignId = repositories(store).campaigns.create({ name: 'Hostile survey', catalogId: catalog.id });
  const home = 'https://hostile.example/';
  const pageUrl = 'https://hostile.example/contact';
  const runId = recorder.startRun({
    target: { url: home, level: 'city', country: 'XXX', city: 'Hostileton' },
    campaignId,
    catalogId: catalog.id,
  });
  const html = artifact('html', 'text/html', Buffer.from(HOSTILE_HTML));
  const capture: PageCapture = {
    url: pageUrl,
    finalUrl: pageUrl,
    redirects: [],
    status: 'ok',
    httpStatus: 200,
    headers: { 'content-type': 'text/html' },
    contentType: 'text/html',
    bytes: html.data.byteLength,
    fetchedAt: '2026-11-22T12:00:00.000Z',
    fetchMs: 10,
    site: 'portal',
    depth: 1,
    linkPath: [
      { url: home, text: '' },
      { url: pageUrl, text: 'Contact' },
    ],
    htmlHash: html.hash,
    ...extractPage(HOSTILE_HTML, pageUrl, { isSameSite: (u) => new URL(u).hostname === 'hostile.example' }),
    rendered: false,
  };
  recorder.write({ type: 'page', runId, capture, artifacts: [html] });
  recorder.write({
    type: 'crawl-end',
    runId,
    end: {
      outcome: 'ok',
      stopReason: 'frontier_exhausted',
      homeUrl: home,
      finalHomeUrl: home,
      pages: 1,
      statuses: { ok: 1 },
      startedAt: '2026-11-22T12:00:00.000Z',
      finishedAt: '2026-11-22T12:01:00.000Z',
      spa: false,
    },
  });
  const entry = catalog.entries[0]!;
  const results: IndicatorResult[] = catalog.entries.slice(0, 3).map((e, i) => ({
    ruleId: e.ruleId,
    code: e.code,
    criterion: e.criterion,
    method: e.method,
    ruleVersion: 1,
    outcome: i === 0 ? 'needs_review' : i === 1 ? 'met' : 'not_met',
    confidence: 0.5,
    message: `Seeded verdict ${i + 1} <script>alert(1)</script>`,
    evidence: [
      {
        pageUrl,
        kind: 'link',
        selector: 'footer > a',
        snippet: '<a href="/privacy">Privacy policy</a>',
        linkPath: capture.linkPath,
        note: 'footer link <b>not bold</b>',
      },
    ],
  }));
  recorder.recordEvaluation(runId, catalog, results);
  return { campaignId, runId, htmlHash: html.hash, code: entry.code, pageUrl };
}

/** One user per role, plus a second assessor for blind reviews; all with PASSWORD. */
export async function seedUsers(store: Store): Promise<void> {
  const writes = new UserWrites(store);
  const hash = await hashPassword(PASSWORD);
  writes.add({ name: USERS.admin, role: 'admin', passwordHash: hash });
  writes.add({ name: USERS.assessor, role: 'assessor', passwordHash: hash });
  writes.add({ name: USERS.second, role: 'assessor', passwordHash: hash });
  writes.add({ name: USERS.viewer, role: 'viewer', passwordHash: hash });
}

export function openSeedStore(dbFile: string): Store {
  return openStore(dbFile);
}

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  type MarkupMessage,
  type MarkupValidationArtifact,
  unavailableMarkup,
} from '../../src/core/index.ts';

export interface ValidateMarkupOptions {
  /** Java executable. @default `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH */
  javaPath?: string;
  /** Kill the checker after this long (JVM start is ~1 s; 40 pages take ~2 s on 2 cores). @default 120_000 */
  timeoutMs?: number;
}

/** Messages kept per page: errors first, then warnings, then notes. */
const MAX_MESSAGES = 20;
const SEVERITY: Record<MarkupMessage['type'], number> = { error: 0, warning: 1, info: 2 };
const MAX_MESSAGE_CHARS = 500;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** The `vnu-jar` package's default export is the path of vnu.jar (a String object). */
export const VNU_JAR: string = String(createRequire(import.meta.url)('vnu-jar'));

export const vnuOutput = z.object({
  version: z.string().optional(),
  messages: z.array(
    z.object({
      type: z.string(),
      subType: z.string().optional(),
      url: z.string().optional(),
      firstLine: z.number().optional(),
      lastLine: z.number().optional(),
      message: z.string().optional(),
      extract: z.string().optional(),
    }),
  ),
});

export type VnuMessage = z.infer<typeof vnuOutput>['messages'][number];

export function defaultJava(): string {
  const home = process.env.JAVA_HOME?.trim();
  return home ? join(home, 'bin', 'java') : 'java';
}

/**
 * The copy handed to the checker is UTF-8 (the HTML was decoded already), so a declaration of
 * another charset would make the checker misread it: declare UTF-8 instead.
 */
export function asUtf8Document(html: string): string {
  return html
    .replace(/(<meta\s[^>]*charset\s*=\s*["']?)(?!utf-8)[\w.:-]+/i, '$1utf-8')
    .replace(/^\uFEFF/, '');
}

function toMessage(raw: VnuMessage): MarkupMessage {
  const type: MarkupMessage['type'] =
    raw.type === 'info' ? (raw.subType === 'warning' ? 'warning' : 'info') : 'error';
  const line = raw.firstLine ?? raw.lastLine;
  return {
    type,
    message: (raw.message ?? raw.type).slice(0, MAX_MESSAGE_CHARS),
    ...(line !== undefined ? { line } : {}),
    ...(raw.extract ? { extract: raw.extract.slice(0, MAX_MESSAGE_CHARS) } : {}),
  };
}

export function javaNotFound(java: string): string {
  return `Java not found (${java}): install a Java runtime (e.g. apt-get install -y default-jre-headless) to validate markup`;
}

/** One page's entry of the artifact from the checker's messages about it. */
export function pageMarkupResult(url: string, raw: VnuMessage[]): MarkupValidationArtifact['pages'][number] {
  const messages = raw.map(toMessage);
  return {
    url,
    errors: messages.filter((m) => m.type === 'error').length,
    warnings: messages.filter((m) => m.type === 'warning').length,
    messages: [...messages].sort((a, b) => SEVERITY[a.type] - SEVERITY[b.type]).slice(0, MAX_MESSAGES),
  };
}

interface RunResult {
  ok: boolean;
  output: string;
  reason?: string;
}

function runChecker(java: string, files: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const args = ['-Xss1024k', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files];
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT_BYTES) chunks.push(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let settled = false;
    const finish = (result: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, output: '', reason: `The Nu checker did not finish within ${timeoutMs} ms` });
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT' ? javaNotFound(java) : `Could not start the Nu checker: ${error.message}`;
      finish({ ok: false, output: '', reason });
    });
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8');
      if (code === 0) finish({ ok: true, output });
      else finish({ ok: false, output, reason: `The Nu checker exited with ${signal ?? `code ${code}`}` });
    });
  });
}

/** The JSON report in the checker's output (on stderr, possibly after JVM warnings). */
function parseReport(output: string): z.infer<typeof vnuOutput> | null {
  const start = output.indexOf('{"');
  if (start === -1) return null;
  const end = output.lastIndexOf('}');
  try {
    const parsed = vnuOutput.safeParse(JSON.parse(output.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Validates a batch of pages with the W3C Nu checker in ONE JVM run (JVM start dominates the cost).
 * Never throws: no Java, a crash or a timeout give `{ available: false, reason }`.
 */
export async function validateMarkup(
  pages: { url: string; html: string }[],
  options: ValidateMarkupOptions = {},
): Promise<MarkupValidationArtifact> {
  if (pages.length === 0) return { validator: 'vnu', version: null, available: true, pages: [] };
  let dir: string | null = null;
  try {
    dir = await mkdtemp(join(tmpdir(), 'portal-audit-vnu-'));
    const files = pages.map((_, i) => join(dir as string, `page-${String(i).padStart(4, '0')}.html`));
    await Promise.all(
      pages.map((page, i) => writeFile(files[i] as string, asUtf8Document(page.html), 'utf8')),
    );
    const run = await runChecker(options.javaPath ?? defaultJava(), files, options.timeoutMs ?? 120_000);
    if (!run.ok) return unavailableMarkup(run.reason ?? 'The Nu checker failed');
    const report = parseReport(run.output);
    if (!report) return unavailableMarkup(`Unreadable Nu checker output: ${run.output.slice(0, 300)}`);
    const byFile = new Map<string, VnuMessage[]>();
    for (const message of report.messages) {
      const name = message.url ? basename(message.url) : '';
      const list = byFile.get(name);
      if (list) list.push(message);
      else byFile.set(name, [message]);
    }
    return {
      validator: 'vnu',
      version: report.version ?? null,
      available: true,
      pages: pages.map((page, i) =>
        pageMarkupResult(page.url, byFile.get(basename(files[i] as string)) ?? []),
      ),
    };
  } catch (error) {
    return unavailableMarkup(
      `Markup validation failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

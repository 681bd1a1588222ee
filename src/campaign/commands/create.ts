import { readFileSync } from 'node:fs';
import { openStore, repositories } from '../../../db/index.ts';
import { newCampaignKey } from '../../../queue/fleet/queue-names.ts';
import { CampaignWriter } from '../../../queue/recorder/campaign-writes.ts';
import { defaultCatalogId, getCatalog } from '../../../rules/index.ts';
import {
  type AllowPrivate,
  type CrawlBudget,
  type Level,
  type RenderMode,
  UserError,
} from '../../core/index.ts';
import type { CampaignOptions } from '../campaign-options.ts';
import { delimiterName } from '../csv-records.ts';
import { parseTargetsCsv, TARGET_COLUMNS, type TargetColumn } from '../csv-targets.ts';

export interface CreateCampaignOptions {
  db: string;
  targets: string;
  catalog?: string;
  level: Level;
  budget: CrawlBudget;
  render: RenderMode;
  allowPrivate: AllowPrivate;
  attempts: number;
  retryDelaySeconds: number;
  validateMarkup: boolean;
  contact?: string;
  columns?: string;
}

/** `campaign create`: imports the target list; exit 0 when at least one row was imported. */
export function createCampaignCommand(name: string, options: CreateCampaignOptions): number {
  assertCampaignName(name);
  let text: string;
  try {
    text = readFileSync(options.targets, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the target list ${options.targets}: ${(error as Error).message}`);
  }
  const parsed = parseTargetsCsv(text, {
    defaultLevel: options.level,
    allowPrivate: options.allowPrivate !== false,
    columns: parseColumnMapping(options.columns),
  });
  // Every row not imported is listed, however many: a lost row must never go unreported.
  const report = parsed.bad.map((bad) => `portal-audit: ${options.targets}:${bad.line}: ${bad.reason}\n`);
  if (parsed.bad.length)
    report.push(
      `portal-audit: ${options.targets}: ${rows(parsed.bad.length)} not imported (listed above).\n`,
    );
  process.stderr.write(report.join(''));
  if (parsed.targets.length === 0) {
    throw new UserError(`No row of ${options.targets} could be imported (${parsed.bad.length} bad rows).`);
  }

  const catalogId = options.catalog ?? defaultCatalogId(parsed.targets[0]?.level ?? options.level);
  getCatalog(catalogId);
  const campaignOptions: CampaignOptions = {
    queueKey: newCampaignKey(name),
    catalogByLevel: options.catalog === undefined,
    budget: options.budget,
    render: options.render,
    allowPrivate: options.allowPrivate,
    validateMarkup: options.validateMarkup,
    retry: { attempts: options.attempts, backoffMs: Math.round(options.retryDelaySeconds * 1000) },
    ...(options.contact ? { contactUrl: options.contact } : {}),
  };
  const store = openStore(options.db);
  try {
    if (repositories(store).campaigns.getByName(name)) {
      throw new UserError(`A campaign named "${name}" already exists in ${store.file}.`);
    }
    const { targets } = new CampaignWriter(store).create({
      name,
      catalogId,
      options: campaignOptions,
      targets: parsed.targets.map(({ line: _line, ...target }) => target),
    });
    const skipped = parsed.bad.length ? ` (${rows(parsed.bad.length)} skipped)` : '';
    const separated =
      parsed.delimiter === ',' ? '' : ` from a ${delimiterName(parsed.delimiter)}-separated list`;
    const catalog = campaignOptions.catalogByLevel ? "each level's catalog" : `catalog ${catalogId}`;
    process.stdout.write(
      `Campaign "${name}" created with ${targets} targets${skipped}${separated}, judged by ${catalog}.\n` +
        `Next: portal-audit campaign run ${JSON.stringify(name)}\n`,
    );
    return 0;
  } finally {
    store.close();
  }
}

function rows(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/** Names are used on the command line and in `name@round` references, so '@' is reserved. */
export function assertCampaignName(name: string): void {
  if (!name.trim() || name.length > 100 || name.includes('@') || name !== name.trim()) {
    throw new UserError(
      `"${name}" cannot be a campaign name: use 1–100 characters, no '@' and no leading or trailing spaces.`,
    );
  }
}

/** `--columns url=Domain name,city=City` → { url: 'Domain name', city: 'City' }. */
export function parseColumnMapping(spec?: string): Partial<Record<TargetColumn, string>> {
  if (!spec) return {};
  const mapping: Partial<Record<TargetColumn, string>> = {};
  for (const part of spec.split(',')) {
    const at = part.indexOf('=');
    const column = part.slice(0, at).trim() as TargetColumn;
    const header = part.slice(at + 1).trim();
    if (at <= 0 || !header || !(TARGET_COLUMNS as readonly string[]).includes(column)) {
      throw new UserError(
        `--columns takes column=header pairs separated by commas, columns among ${TARGET_COLUMNS.join(', ')}; got "${part}".`,
      );
    }
    mapping[column] = header;
  }
  return mapping;
}

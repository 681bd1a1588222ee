import { openStore, repositories, type Store } from '../../../../db/index.ts';
import { CATALOGS } from '../../../../rules/index.ts';
import { type Catalog, UserError } from '../../../core/index.ts';
import { posturePerRun } from '../../../posture/posture-columns.ts';
import { withPostureChanges } from '../../../posture/posture-diff.ts';
import { loadTrackerClassifier } from '../../../posture/trackers.ts';
import { resolveCampaign } from '../../../scoring/campaign-runs.ts';
import { type CampaignScores, computeCampaignScores } from '../../../scoring/campaign-scores.ts';
import { diffCampaigns } from '../../../scoring/diff.ts';
import { formatDiffText } from '../../../scoring/diff-text.ts';
import { LEVEL_LABELS, LEVEL_ORDER, levelCounts } from '../../../scoring/distribution.ts';
import { campaignCsv, campaignJson, type ExportTable } from '../../../scoring/export/export-format.ts';
import { rescoreCampaign } from '../../../scoring/rescore.ts';
import type { ScorePolicy } from '../../../scoring/score-policy.ts';
import { errorLine } from '../../error-line.ts';

interface ActionOptions {
  db: string;
  policy: ScorePolicy;
}

function withStore<T>(dbFile: string, fn: (store: Store) => T): T {
  const store = openStore(dbFile, { mustExist: true });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** `--catalog losi-2024` or `--catalog losi-2024@2024.1`: a catalog this version of the tool holds. */
export function catalogOption(value: string): Catalog {
  const [id, version] = value.split('@') as [string, string | undefined];
  const catalog = CATALOGS[id];
  const known = Object.values(CATALOGS)
    .map((c) => `${c.id}@${c.version}`)
    .join(', ');
  if (!catalog) throw new UserError(`Unknown catalog "${id}". Known catalogs: ${known}.`);
  if (version !== undefined && version !== catalog.version) {
    throw new UserError(
      `This version of portal-audit has ${catalog.id}@${catalog.version}, not @${version}: an older catalog version cannot be re-run, only its stored results re-scored.`,
    );
  }
  return catalog;
}

export async function runRescore(
  name: string,
  o: ActionOptions & { catalog?: string; json?: boolean },
): Promise<void> {
  const catalog = o.catalog ? catalogOption(o.catalog) : undefined;
  const outcome = withStore(o.db, (store) =>
    rescoreCampaign(store, name, {
      catalog,
      policy: o.policy,
      onProgress: (done, total) => {
        if (!o.json && process.stderr.isTTY) process.stderr.write(`\rRe-running rules: ${done}/${total}`);
      },
    }),
  );
  if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
  const { scores } = outcome;
  const changedRuns = new Set(outcome.changes.map((c) => c.runId));
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          campaign: scores.campaign.name,
          round: scores.round,
          score_set_id: outcome.scoreSetId,
          evaluations: outcome.evaluations,
          skipped: scores.skipped.map((s) => ({ url: s.target.url, reason: s.reason })),
          policy: scores.policyText,
          cohorts: scores.cohorts,
          levels: levelCounts(scores.portals.map((p) => p.score.level)),
          changes: outcome.changes,
          ms: Math.round(outcome.ms),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const lines = [
    `Rescored campaign "${scores.campaign.name}"${scores.round === null ? '' : ` round ${scores.round}`}: ${outcome.evaluations} portal(s) re-evaluated from stored captures in ${(outcome.ms / 1000).toFixed(1)} s (nothing fetched).`,
    ...cohortLines(scores),
    `Policy: ${scores.policyText}.`,
    `Automated outcomes changed since the previous evaluation: ${outcome.changes.length} on ${changedRuns.size} portal(s).`,
    levelLine(scores),
    ...scores.skipped.map((s) => `Skipped ${s.target.url}: ${s.reason}.`),
    ...scores.warnings,
    `Stored as score set #${outcome.scoreSetId}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function exportCampaign(
  name: string,
  o: ActionOptions & { format: 'csv' | 'json'; table?: ExportTable; posture: boolean },
): Promise<string> {
  // Posture columns are judged again from the stored captures of each run (wide table only).
  const trackers = o.posture && o.table !== 'long' ? await loadTrackerClassifier() : null;
  return withStore(o.db, (store) => {
    const scores = computeCampaignScores(repositories(store), resolveCampaign(repositories(store), name), {
      policy: o.policy,
    });
    for (const w of scores.warnings) process.stderr.write(errorLine(`warning: ${w}`));
    const postures = trackers
      ? posturePerRun(
          store,
          scores.portals.map((p) => p.run.id),
          trackers,
        )
      : undefined;
    if (o.format === 'csv') return campaignCsv(scores, o.table ?? 'wide', postures);
    return `${JSON.stringify(campaignJson(scores, o.table ? [o.table] : undefined, postures), null, 2)}\n`;
  });
}

export async function diffCampaignsText(
  a: string,
  b: string,
  o: ActionOptions & { all?: boolean; json?: boolean; posture: boolean; certHorizon: number },
): Promise<string> {
  const trackers = o.posture ? await loadTrackerClassifier() : null;
  return withStore(o.db, (store) => {
    const repos = repositories(store);
    const score = (ref: string) =>
      computeCampaignScores(repos, resolveCampaign(repos, ref), { policy: o.policy });
    const [scoresA, scoresB] = [score(a), score(b)];
    const plain = diffCampaigns(scoresA, scoresB);
    // Posture levels judged again from each run's captures; certificates checked against the horizon.
    const postureOf = (s: CampaignScores) =>
      posturePerRun(
        store,
        s.portals.map((p) => p.run.id),
        trackers!,
      );
    const diff = trackers
      ? withPostureChanges(plain, postureOf(scoresA), postureOf(scoresB), o.certHorizon)
      : plain;
    return o.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffText(diff, { all: o.all });
  });
}

function cohortLines(scores: CampaignScores): string[] {
  return scores.cohorts.map((c) => {
    const version = scores.portals.find((p) => p.catalog.id === c.catalogId)?.catalog.version ?? '';
    const head = `${c.catalogId} ${version}: ${c.portals} portal(s)`;
    if (c.method !== 'osi') return `${head}, LOSI share of indicators met.`;
    if (c.size < 2)
      return `${head}, OSI: the relative value needs a cohort of at least two national portals; absolute shares shown.`;
    return `${head}, OSI relative over ${c.size} national portal(s) (raw min ${c.min?.toFixed(3)}, max ${c.max?.toFixed(3)}); module weights are assumed.`;
  });
}

function levelLine(scores: CampaignScores): string {
  const counts = levelCounts(scores.portals.map((p) => p.score.level));
  const parts = LEVEL_ORDER.map((l) => `${LEVEL_LABELS[l]} ${counts[l]}`);
  if (counts.none) parts.push(`not scored ${counts.none}`);
  return `Levels: ${parts.join(' · ')}.`;
}

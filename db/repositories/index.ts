import type { Store } from '../client.ts';
import { CampaignsRepo } from './campaigns.repo.ts';
import { EvaluationsRepo } from './evaluations.repo.ts';
import { PagesRepo } from './pages.repo.ts';
import { ReviewsRepo } from './reviews.repo.ts';
import { RunHistoryRepo } from './run-history.repo.ts';
import { RunsRepo } from './runs.repo.ts';
import { ScoresRepo } from './scores.repo.ts';
import { SiteArtifactsRepo } from './site-artifacts.repo.ts';
import { TargetsRepo } from './targets.repo.ts';

export interface Repositories {
  campaigns: CampaignsRepo;
  targets: TargetsRepo;
  runs: RunsRepo;
  runHistory: RunHistoryRepo;
  pages: PagesRepo;
  siteArtifacts: SiteArtifactsRepo;
  evaluations: EvaluationsRepo;
  reviews: ReviewsRepo;
  scores: ScoresRepo;
}

const cache = new WeakMap<Store, Repositories>();

/** The repositories over one store, created once per store so their prepared statements are reused. */
export function repositories(store: Store): Repositories {
  let repos = cache.get(store);
  if (!repos) {
    repos = {
      campaigns: new CampaignsRepo(store),
      targets: new TargetsRepo(store),
      runs: new RunsRepo(store),
      runHistory: new RunHistoryRepo(store),
      pages: new PagesRepo(store),
      siteArtifacts: new SiteArtifactsRepo(store),
      evaluations: new EvaluationsRepo(store),
      reviews: new ReviewsRepo(store),
      scores: new ScoresRepo(store),
    };
    cache.set(store, repos);
  }
  return repos;
}

import type { Store } from '../client.ts';
import { ReviewQueriesRepo } from './review-queries.repo.ts';
import { ReviewWorkflowRepo } from './review-workflow.repo.ts';
import { SessionsRepo } from './sessions.repo.ts';
import { UsersRepo } from './users.repo.ts';

export interface ReviewAppRepositories {
  users: UsersRepo;
  sessions: SessionsRepo;
  workflow: ReviewWorkflowRepo;
  queries: ReviewQueriesRepo;
}

const cache = new WeakMap<Store, ReviewAppRepositories>();

/** The review app's repositories over one store, created once per store. */
export function reviewAppRepositories(store: Store): ReviewAppRepositories {
  let repos = cache.get(store);
  if (!repos) {
    repos = {
      users: new UsersRepo(store),
      sessions: new SessionsRepo(store),
      workflow: new ReviewWorkflowRepo(store),
      queries: new ReviewQueriesRepo(store),
    };
    cache.set(store, repos);
  }
  return repos;
}

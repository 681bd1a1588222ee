import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { REVIEW_VALUES, type ReviewKind, type ReviewValue, reviews } from '../schema/index.ts';

export type StoredReview = typeof reviews.$inferSelect;

export interface NewReview {
  runId: number;
  code: string;
  /** The automated result the reviewer saw, if any. */
  resultId?: number | null;
  reviewer: string;
  fromValue?: string | null;
  toValue: ReviewValue;
  note?: string | null;
  createdAt?: string;
  /** 'resolution' when a reviewer settles a blind-review disagreement. @default 'review' */
  kind?: ReviewKind;
}

/** Assessors' decisions. Append-only by design: there is no update and no delete. */
export class ReviewsRepo {
  constructor(private readonly store: Store) {}

  append(review: NewReview): StoredReview {
    if (!(REVIEW_VALUES as readonly string[]).includes(review.toValue)) {
      throw new Error(
        `A review sets one of ${REVIEW_VALUES.join(', ')}, not ${JSON.stringify(review.toValue)}`,
      );
    }
    if (!review.reviewer.trim()) throw new Error('A review needs a reviewer');
    return this.store.db
      .insert(reviews)
      .values({
        runId: review.runId,
        code: review.code,
        resultId: review.resultId ?? null,
        reviewer: review.reviewer,
        fromValue: review.fromValue ?? null,
        toValue: review.toValue,
        note: review.note ?? null,
        createdAt: review.createdAt ?? new Date().toISOString(),
        kind: review.kind ?? 'review',
      })
      .returning()
      .get();
  }

  /** Oldest first. */
  listForRun(runId: number): StoredReview[] {
    return this.store.db
      .select()
      .from(reviews)
      .where(eq(reviews.runId, runId))
      .orderBy(asc(reviews.id))
      .all();
  }

  /** One page of an indicator's decisions, newest first (served from the run/code index). */
  pageForIndicator(runId: number, code: string, page: { limit: number; offset: number }): StoredReview[] {
    return this.store.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.runId, runId), eq(reviews.code, code)))
      .orderBy(desc(reviews.id))
      .limit(page.limit)
      .offset(page.offset)
      .all();
  }

  countForIndicator(runId: number, code: string): number {
    return (
      this.store.db
        .select({ n: count() })
        .from(reviews)
        .where(and(eq(reviews.runId, runId), eq(reviews.code, code)))
        .get()?.n ?? 0
    );
  }

  /** The review in force for each indicator code of a run: the latest one appended. */
  latestByCode(runId: number): Map<string, StoredReview> {
    const latest = new Map<string, StoredReview>();
    for (const review of this.listForRun(runId)) latest.set(review.code, review);
    return latest;
  }
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../client.ts';
import {
  blindReviews,
  highlightShots,
  REVIEW_VALUES,
  type ReviewValue,
  reviewAssignments,
  users,
} from '../schema/index.ts';

export type StoredBlindReview = typeof blindReviews.$inferSelect;
export type StoredHighlightShot = typeof highlightShots.$inferSelect;

export interface StoredAssignment {
  id: number;
  runId: number;
  userId: number;
  userName: string;
  assignedBy: string;
  createdAt: string;
}

export interface NewBlindReview {
  runId: number;
  code: string;
  resultId?: number | null;
  reviewer: string;
  fromValue?: string | null;
  toValue: ReviewValue;
  note?: string | null;
}

/**
 * Blind second reviews: who is assigned to which run, their (append-only) decisions, and the cache of
 * highlighted evidence screenshots. Written only through db/review-app/ (review-writes.ts, highlight-writes.ts).
 */
export class ReviewWorkflowRepo {
  constructor(private readonly store: Store) {}

  insertAssignment(input: { runId: number; userId: number; assignedBy: string }): void {
    this.store.db
      .insert(reviewAssignments)
      .values({ ...input, createdAt: new Date().toISOString() })
      .onConflictDoNothing()
      .run();
  }

  deleteAssignment(runId: number, userId: number): void {
    this.store.db
      .delete(reviewAssignments)
      .where(and(eq(reviewAssignments.runId, runId), eq(reviewAssignments.userId, userId)))
      .run();
  }

  assignmentsForRuns(runIds: readonly number[]): StoredAssignment[] {
    if (runIds.length === 0) return [];
    return this.assignmentQuery()
      .where(inArray(reviewAssignments.runId, [...runIds]))
      .orderBy(asc(reviewAssignments.id))
      .all();
  }

  /** Run ids the user reviews blind. */
  blindRunIdsOf(userId: number): Set<number> {
    const rows = this.store.db
      .select({ runId: reviewAssignments.runId })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.userId, userId))
      .all();
    return new Set(rows.map((r) => r.runId));
  }

  assignmentsOfUser(userId: number): StoredAssignment[] {
    return this.assignmentQuery()
      .where(eq(reviewAssignments.userId, userId))
      .orderBy(asc(reviewAssignments.id))
      .all();
  }

  appendBlindReview(review: NewBlindReview): StoredBlindReview {
    if (!(REVIEW_VALUES as readonly string[]).includes(review.toValue)) {
      throw new Error(
        `A review sets one of ${REVIEW_VALUES.join(', ')}, not ${JSON.stringify(review.toValue)}`,
      );
    }
    if (!review.reviewer.trim()) throw new Error('A review needs a reviewer');
    return this.store.db
      .insert(blindReviews)
      .values({
        runId: review.runId,
        code: review.code,
        resultId: review.resultId ?? null,
        reviewer: review.reviewer,
        fromValue: review.fromValue ?? null,
        toValue: review.toValue,
        note: review.note ?? null,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
  }

  /** Oldest first. */
  blindReviewsForRuns(runIds: readonly number[]): StoredBlindReview[] {
    if (runIds.length === 0) return [];
    return this.store.db
      .select()
      .from(blindReviews)
      .where(inArray(blindReviews.runId, [...runIds]))
      .orderBy(asc(blindReviews.id))
      .all();
  }

  /** Runs with at least one blind decision, ascending. */
  runIdsWithBlindReviews(): number[] {
    return this.store.db
      .selectDistinct({ runId: blindReviews.runId })
      .from(blindReviews)
      .orderBy(asc(blindReviews.runId))
      .all()
      .map((r) => r.runId);
  }

  highlightShot(htmlHash: string, selector: string, renderVersion: number): StoredHighlightShot | null {
    return (
      this.store.db
        .select()
        .from(highlightShots)
        .where(
          and(
            eq(highlightShots.htmlHash, htmlHash),
            eq(highlightShots.selector, selector),
            eq(highlightShots.renderVersion, renderVersion),
          ),
        )
        .get() ?? null
    );
  }

  insertHighlightShot(input: {
    htmlHash: string;
    selector: string;
    renderVersion: number;
    shotHash: string | null;
  }): void {
    this.store.db
      .insert(highlightShots)
      .values({ ...input, createdAt: new Date().toISOString() })
      .onConflictDoNothing()
      .run();
  }

  private assignmentQuery() {
    return this.store.db
      .select({
        id: reviewAssignments.id,
        runId: reviewAssignments.runId,
        userId: reviewAssignments.userId,
        userName: users.name,
        assignedBy: reviewAssignments.assignedBy,
        createdAt: reviewAssignments.createdAt,
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.userId));
  }
}

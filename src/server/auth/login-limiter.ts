/**
 * Failed-login limits per user name, so that guessing one account's password is bounded however many
 * addresses the guesses come from, while one address's failures never lock out the other users behind
 * it (an office, a proxy):
 * - per user name and address: `perAddress` failures in a window lock that name from that address;
 * - per user name: `perAccount` failures from all addresses together lock that name everywhere.
 * A lock ends with its window (fixed, from the first failure), so an attacker can deny one account for
 * at most a window at a time. Unknown names are counted like real ones (no hint which names exist).
 */
export interface LoginLimits {
  /** Failed logins per user name from one address in a window. @default 10 */
  perAddress: number;
  /** Failed logins per user name from all addresses together in a window. @default 50 */
  perAccount: number;
  /** @default 5 minutes */
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 10, perAccount: 50, windowMs: 5 * 60_000 };

/** Counters kept at most; beyond it the oldest windows are forgotten first. */
const MAX_COUNTERS = 100_000;

interface Counter {
  failures: number;
  resetAt: number;
}

export type Admission = { admitted: true; attempt: LoginAttempt } | { admitted: false; retryAfterMs: number };

/** One admitted attempt, already counted as a failure until `succeeded` says otherwise. */
export interface LoginAttempt {
  succeeded(): void;
}

export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {}

  /**
   * Admits an attempt for `name` from `address`, or says how long until it may be tried again. An
   * admitted attempt counts as a failure at once, so concurrent guesses cannot all slip under the
   * limit while their passwords are being checked.
   */
  admit(name: string, address: string, now = Date.now()): Admission {
    const accountKey = `account\0${name}`;
    const addressKey = `address\0${address}\0${name}`;
    const retryAfterMs = Math.max(
      this.lockedFor(accountKey, this.limits.perAccount, now),
      this.lockedFor(addressKey, this.limits.perAddress, now),
    );
    if (retryAfterMs > 0) return { admitted: false, retryAfterMs };
    const account = this.count(accountKey, now);
    this.count(addressKey, now);
    return {
      admitted: true,
      attempt: {
        // The right password: this attempt was no failure, and this address's earlier ones are forgiven.
        // The account-wide count stays, or a user's own logins would reset an attacker's budget.
        succeeded: () => {
          account.failures = Math.max(0, account.failures - 1);
          this.counters.delete(addressKey);
        },
      },
    };
  }

  private lockedFor(key: string, max: number, now: number): number {
    const counter = this.current(key, now);
    return counter && counter.failures >= max ? counter.resetAt - now : 0;
  }

  private current(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && counter.resetAt <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private count(key: string, now: number): Counter {
    let counter = this.current(key, now);
    if (!counter) {
      this.forgetOldest(now);
      counter = { failures: 0, resetAt: now + this.limits.windowMs };
      this.counters.set(key, counter);
    }
    counter.failures++;
    return counter;
  }

  /** Drops ended windows, and when still full the oldest ones (Map keeps insertion order). */
  private forgetOldest(now: number): void {
    if (this.counters.size < MAX_COUNTERS) return;
    for (const [key, counter] of this.counters) {
      if (counter.resetAt <= now || this.counters.size >= MAX_COUNTERS) this.counters.delete(key);
      else break;
    }
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { StaffLoginAttemptsRow } from './login-attempts.entity';

export const WINDOW_MS = 15 * 60 * 1000;
/** Password checks for one username from one client address per window. */
export const MAX_ATTEMPTS_PER_ADDRESS = 5;
/** Password checks for one username from all addresses together per window (a guesser with many addresses). */
export const MAX_ATTEMPTS_PER_USERNAME = 50;

/** A counted attempt: what the login gives back when the password was right. */
export interface LoginAttempt {
  usernameKey: string;
  addressKey: string;
}

class LimitReached extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('login attempts limit reached');
  }
}

/**
 * Throttles password guessing for staff logins. Every attempt is COUNTED BEFORE the password is checked, in one
 * transaction: an upsert adds 1 to the username's counter and to the username-and-address counter (a window
 * that ended starts again at 1), the counts are read back, and above a limit the transaction rolls back (a
 * refused attempt is not counted) and the login answers 429 without checking anything. Parallel attempts
 * take turns on the counter rows, so at most 5 passwords per address and 50 per username are ever checked
 * per 15 minutes, however many requests arrive at once. A stranger's guesses lock the username only for their
 * address (and all addresses only after 50): the owner logging in from elsewhere is not locked out.
 * A correct password clears its address's counter and gives its attempt back to the username's counter.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly transactions: TransactionRunner) {}

  private now(): number {
    return Date.now();
  }

  /** Counts the attempt, or throws 429 TOO_MANY_ATTEMPTS with Retry-After when a limit is reached. */
  async countAttempt(username: string, clientAddress: string): Promise<LoginAttempt> {
    const usernameKey = `user:${normalize(username)}`;
    const addressKey = `addr:${clientAddress.slice(0, 45)}:${normalize(username)}`;
    const now = new Date(this.now());
    const windowCutoff = new Date(now.getTime() - WINDOW_MS);
    try {
      await this.transactions.run(async (manager) => {
        // Always the username's row first, then the address's: parallel attempts lock them in the same order.
        await countUp(manager, usernameKey, now, windowCutoff);
        await countUp(manager, addressKey, now, windowCutoff);
        const rows = await manager.findBy(StaffLoginAttemptsRow, [{ throttleKey: usernameKey }, { throttleKey: addressKey }]);
        for (const row of rows) {
          const max = row.throttleKey === usernameKey ? MAX_ATTEMPTS_PER_USERNAME : MAX_ATTEMPTS_PER_ADDRESS;
          if (row.attempts > max) {
            throw new LimitReached(Math.max(1, Math.ceil((row.windowStartedAt.getTime() + WINDOW_MS - now.getTime()) / 1000)));
          }
        }
      });
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
      const retryAfterS = error.retryAfterSeconds;
      throw new ApiException(
        'TOO_MANY_ATTEMPTS',
        HttpStatus.TOO_MANY_REQUESTS,
        `登录尝试次数过多，请 ${Math.ceil(retryAfterS / 60)} 分钟后再试`,
        { retryAfterSeconds: retryAfterS },
        { 'retry-after': String(retryAfterS) },
      );
    }
    return { usernameKey, addressKey };
  }

  /** The password was right: its address starts afresh and its attempt does not count against the username. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(StaffLoginAttemptsRow)
        .set({ attempts: () => 'attempts - 1' })
        .where('throttleKey = :key AND attempts > 0', { key: attempt.usernameKey })
        .execute();
      await manager.update(StaffLoginAttemptsRow, { throttleKey: attempt.addressKey }, { attempts: 0 });
    });
  }
}

/**
 * One upsert: a new key starts at 1; an expired window starts again at 1 now; a current one counts up.
 * `attempts` is assigned before `windowStartedAt` so both dialects compare against the old window start.
 */
function countUp(manager: EntityManager, throttleKey: string, now: Date, windowCutoff: Date): Promise<void> {
  return upsertRow(manager, StaffLoginAttemptsRow, { throttleKey, attempts: 1, windowStartedAt: now }, ['throttleKey'], {
    attempts: ({ column, value }) =>
      `CASE WHEN ${column('windowStartedAt')} <= ${value('windowStartedAt', windowCutoff)} THEN 1 ELSE ${column('attempts')} + 1 END`,
    windowStartedAt: ({ column, value, incoming }) =>
      `CASE WHEN ${column('windowStartedAt')} <= ${value('windowStartedAt', windowCutoff)} THEN ${incoming('windowStartedAt')} ELSE ${column('windowStartedAt')} END`,
  });
}

/** Usernames are case-insensitive for counting, so "Owner" and "owner" share one counter. */
function normalize(username: string): string {
  return username.toLowerCase().slice(0, 64);
}

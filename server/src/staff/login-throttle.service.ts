import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { StaffLoginThrottle } from './login-throttle.entity';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Throttles password guessing per username: after MAX_FAILURES wrong passwords within WINDOW_MS, every
 * login for that username answers 429 until the window ends. Counts live in the database and change
 * only by conditional updates, so several instances share them and parallel failures are all counted.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(StaffLoginThrottle) private readonly throttles: Repository<StaffLoginThrottle>,
    private readonly transactions: TransactionRunner,
  ) {}

  private now(): number {
    return Date.now();
  }

  /** Throws 429 with Retry-After while the username is locked. */
  async assertNotLocked(username: string): Promise<void> {
    const row = await this.throttles.findOneBy({ username: this.key(username) });
    if (!row || row.failures < MAX_FAILURES) return;
    const retryAfterMs = row.windowStartedAt.getTime() + WINDOW_MS - this.now();
    if (retryAfterMs <= 0) return;
    const retryAfterS = Math.ceil(retryAfterMs / 1000);
    throw new ApiException(
      'TOO_MANY_ATTEMPTS',
      HttpStatus.TOO_MANY_REQUESTS,
      `密码错误次数过多，请 ${Math.ceil(retryAfterS / 60)} 分钟后再试`,
      { retryAfterSeconds: retryAfterS },
      { 'retry-after': String(retryAfterS) },
    );
  }

  async recordFailure(username: string): Promise<void> {
    const key = this.key(username);
    const now = new Date(this.now());
    const windowStart = new Date(this.now() - WINDOW_MS);
    // Two separate statements, each its own transaction: on MySQL a failed (duplicate) insert leaves a shared
    // lock behind, and two transactions each holding one while updating the same row would deadlock.
    try {
      await this.transactions.run((manager) =>
        manager.insert(StaffLoginThrottle, { username: key, failures: 1, windowStartedAt: now }),
      );
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // One statement: an expired window restarts at 1, a current one counts up. `failures` is assigned
    // first because MySQL evaluates SET clauses left to right with the values already assigned.
    await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(StaffLoginThrottle)
        .set({
          failures: () => 'CASE WHEN windowStartedAt < :windowStart THEN 1 ELSE failures + 1 END',
          windowStartedAt: () => 'CASE WHEN windowStartedAt < :windowStart THEN :now ELSE windowStartedAt END',
        })
        .where('username = :key')
        .setParameters({ key, windowStart, now })
        .execute(),
    );
  }

  async reset(username: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(StaffLoginThrottle, { username: this.key(username) }, { failures: 0 }),
    );
  }

  /** Usernames are case-insensitive for counting, so "Owner" and "owner" share one counter. */
  private key(username: string): string {
    return username.toLowerCase().slice(0, 64);
  }
}

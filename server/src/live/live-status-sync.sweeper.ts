import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, MoreThan } from 'typeorm';
import type { LiveSessionStatus } from '../../../shared';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { LiveSessionRow } from './live-session.entity';
import { moveSessionStatus, wholeSecond } from './live-session-transitions';
import { nextSessionStatus } from './live-status-rules';
import { LIVE_PROVIDER_DRIVERS, type LiveProviderDriver, type LiveSessionSnapshot } from './providers/live-provider';

const BATCH = 200;
const OPEN_STATUSES: LiveSessionStatus[] = ['upcoming', 'live'];

/**
 * Keeps open sessions' statuses current: each provider observes its upcoming and live sessions (the schedule for
 * Channels, getliveinfo for plugin rooms) and every change is a conditional update on the status read, so a second
 * run (or a second instance) changes nothing more. Under the WeChat lease: the plugin provider calls getliveinfo.
 */
@Injectable()
export class LiveStatusSyncSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LIVE_PROVIDER_DRIVERS) private readonly drivers: LiveProviderDriver[],
  ) {
    super({ name: 'live.sync-sessions', label: '同步直播状态', everyMs: 60_000, usesWechat: true });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    let changed = 0;
    for (const driver of this.drivers) {
      // Open sessions stay open across runs, so they are paged by id rather than drained.
      for (let afterId = 0; ; ) {
        const sessions = await this.dataSource.getRepository(LiveSessionRow).find({
          select: { id: true, status: true, plannedStartAt: true, plannedEndAt: true, roomId: true, providerStatusCode: true },
          where: { provider: driver.provider, status: In(OPEN_STATUSES), id: MoreThan(afterId) },
          order: { id: 'ASC' },
          take: BATCH,
        });
        if (sessions.length === 0) break;
        changed += await this.apply(sessions, await driver.observe(sessions, now), now);
        afterId = sessions[sessions.length - 1].id;
      }
    }
    return changed;
  }

  /** Applies the observations; answers how many sessions changed (status or provider code). */
  private async apply(sessions: LiveSessionSnapshot[], observations: Awaited<ReturnType<LiveProviderDriver['observe']>>, now: Date): Promise<number> {
    let changed = 0;
    for (const session of sessions) {
      const observed = observations.get(session.id);
      if (!observed) continue;
      let touched = false;
      if (observed.providerStatusCode !== null && observed.providerStatusCode !== session.providerStatusCode) {
        touched = await this.recordProviderCode(session.id, observed.providerStatusCode, now);
      }
      const next = observed.status === null ? null : nextSessionStatus(session.status, observed.status);
      if (next !== null && (await moveSessionStatus(this.dataSource, session.id, session.status, next, now))) touched = true;
      if (touched) changed++;
    }
    return changed;
  }

  private async recordProviderCode(id: number, code: number, now: Date): Promise<boolean> {
    const recorded = await this.dataSource
      .createQueryBuilder()
      .update(LiveSessionRow)
      .set({ providerStatusCode: code, providerStatusChangedAt: wholeSecond(now) })
      .where('id = :id', { id })
      .andWhere(new Brackets((where) => where.where('providerStatusCode IS NULL').orWhere('providerStatusCode <> :code', { code })))
      .execute();
    return recorded.affected === 1;
  }
}

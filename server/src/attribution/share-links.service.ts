import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeShortId, encodeShortId, SHARE_LINK_PAGES, sharePath, type ShareLink } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { GroupBuyTeamRow } from '../group-buy/group-buy-team.entity';
import { teamNotFound } from '../group-buy/group-buy-errors';
import { LiveSessionRow } from '../live/live-session.entity';
import { sessionNotFound } from '../live/live-sessions.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import { ApiException, fieldError } from '../platform/errors/api-exception';
import type { CreateShareLinkDto } from './attribution.dto';
import { ShareLinkRow } from './share-link.entity';

const shareLinkNotFound = () => new ApiException('SHARE_LINK_NOT_FOUND', HttpStatus.NOT_FOUND, '分享链接不存在或已失效');

/** Share links: created by members when they share, resolved when someone opens one. */
@Injectable()
export class ShareLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * The member's link for this target and channel: created the first time, the same row afterwards. One
   * upsert on the unique (sharer, target, channel) key, so parallel creates also end with one row.
   */
  async create(sharerMemberId: number, input: CreateShareLinkDto): Promise<ShareLink> {
    const targetId = input.kind === 'page' ? null : (input.targetId ?? null);
    if (input.kind !== 'page' && targetId === null) {
      throw fieldError('targetId', '分享商品、拼团或直播时必须指定');
    }
    if (input.kind === 'product' && targetId !== null) {
      const exists = await this.dataSource.getRepository(ProductRow).existsBy({ id: targetId });
      if (!exists) throw new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在或已删除');
    }
    if (input.kind === 'team' && targetId !== null) {
      // A team whose leader has not paid yet is the leader's alone (the team page answers 404 to anyone else).
      const team = await this.dataSource.getRepository(GroupBuyTeamRow).findOne({ where: { id: targetId }, select: ['id', 'status', 'leaderMemberId'] });
      if (!team || (team.status === 'opening' && team.leaderMemberId !== sharerMemberId)) throw teamNotFound();
    }
    if (input.kind === 'live' && targetId !== null) {
      const session = await this.dataSource.getRepository(LiveSessionRow).findOne({ where: { id: targetId }, select: ['id', 'status'] });
      if (!session || session.status === 'cancelled') throw sessionNotFound();
    }
    const liveSessionId = input.liveSessionId ?? null;
    const key = {
      sharerMemberId,
      targetKey: `${input.kind}:${targetId ?? ''}:${liveSessionId ?? ''}`,
      channel: input.channel ?? '',
    };
    const row = await this.transactions.run(async (manager) => {
      await upsertRow(manager, ShareLinkRow, { ...key, kind: input.kind, targetId, liveSessionId }, ['sharerMemberId', 'targetKey', 'channel'], {
        // Nothing changes on a repeat; the assignment only makes the statement an upsert.
        sharerMemberId: (sql) => sql.column('sharerMemberId'),
      });
      return manager.findOneByOrFail(ShareLinkRow, key);
    });
    return toShareLink(row);
  }

  /** `GET /share-links/:shortId`: 404 SHARE_LINK_NOT_FOUND for a malformed or unknown id. */
  async resolve(shortId: string): Promise<ShareLink> {
    const row = await this.find(shortId);
    if (!row) throw shareLinkNotFound();
    return toShareLink(row);
  }

  /** The link of a short id, or null for a malformed or unknown one (callers ignore those). */
  async find(shortId: string | null | undefined): Promise<ShareLinkRow | null> {
    const id = shortId ? decodeShortId(shortId) : null;
    if (id === null) return null;
    return this.dataSource.getRepository(ShareLinkRow).findOneBy({ id });
  }
}

export function toShareLink(row: ShareLinkRow): ShareLink {
  const shortId = encodeShortId(row.id);
  const page = SHARE_LINK_PAGES[row.kind];
  // Products, group-buy teams and live sessions open their page with `id`; the home page takes none.
  const query: Record<string, number> = row.kind !== 'page' && row.targetId !== null ? { id: row.targetId } : {};
  return {
    shortId,
    kind: row.kind,
    targetId: row.targetId,
    channel: row.channel || null,
    liveSessionId: row.liveSessionId,
    page,
    path: sharePath(page, query, shortId),
    scene: shortId,
    createdAt: row.createdAt.toISOString(),
  };
}

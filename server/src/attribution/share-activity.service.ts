import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chinaDay, type ShareEventChannel } from '../../../shared';
import { upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import type { ShareLinkRow } from './share-link.entity';
import { ShareLinksService } from './share-links.service';
import { ShareEventRow } from './share-event.entity';
import { ShareVisitRow } from './share-visit.entity';

/**
 * The referral report's first two steps: share actions and the visitors a share link brought. Recording only:
 * nothing here, and nothing that reads these rows, grants a reward (WeChat 运营规范 §5.1 forbids rewarding a share).
 */
@Injectable()
export class ShareActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly shareLinks: ShareLinksService,
  ) {}

  /** `POST /share-events`: the caller shared their own link; anyone else's (or no such link) is 404. */
  async recordShare(memberId: number, shortId: string, channel: ShareEventChannel, at = new Date()): Promise<void> {
    const link = await this.shareLinks.find(shortId);
    if (!link || link.sharerMemberId !== memberId) {
      throw new ApiException('SHARE_LINK_NOT_FOUND', HttpStatus.NOT_FOUND, '分享链接不存在或不是你的');
    }
    await this.dataSource.getRepository(ShareEventRow).insert({ shareLinkId: link.id, sharerMemberId: memberId, channel, day: chinaDay(at) });
  }

  /**
   * A visitor opened `link` (a touch, or a login carrying it): one row per link, visitor and China day. The
   * visitor is the device (`device:<id>`), or the member when a login names no device. The sharer opening their
   * own link while logged in (`memberId`) is no visit.
   */
  async recordVisit(link: ShareLinkRow, visitorKey: string, memberId: number | null, at: Date): Promise<void> {
    if (memberId === link.sharerMemberId) return;
    await upsertRow(
      this.dataSource.manager,
      ShareVisitRow,
      { shareLinkId: link.id, visitorKey, day: chinaDay(at), sharerMemberId: link.sharerMemberId, firstAt: at },
      ['shareLinkId', 'visitorKey', 'day'],
      // A repeat open of the day changes nothing; the assignment only makes the statement an upsert.
      { sharerMemberId: (sql) => sql.column('sharerMemberId') },
    );
  }
}

import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { GROUP_BUY_TEAM_STATUS_LABELS, POSTER_CHANNEL, type ShareLink } from '../../../shared';
import { ShareLinksService } from '../attribution/share-links.service';
import { CatalogService } from '../catalog/catalog.service';
import { GroupBuyShopperService } from '../group-buy/group-buy-shopper.service';
import { MembersService } from '../members/members.service';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { ApiException } from '../platform/errors/api-exception';
import { ShopProfileService } from '../settings/shop-profile.service';
import { WechatApiError, WechatUnreachableError } from '../wechat/wechat-errors';
import { WechatClient } from '../wechat/wechat.client';
import { BoundedCache } from './bounded-cache';
import type { PosterQueryDto } from './poster.dto';
import { loadPosterImage } from './poster-images';
import { renderPoster, type PosterDrawing } from './poster-renderer';

/** Bump when the drawing changes, so cached posters of the old layout are not served. */
const LAYOUT_VERSION = 2;
/** Codes are permanent: one per share link (page + scene) is kept; about 20-60 KB each. */
const CODE_CACHE = { entries: 2000, bytes: 64 * 1024 * 1024 };
/** Rendered posters (about 200-500 KB each): repeated taps and re-opened poster views reuse them. */
const POSTER_CACHE = { entries: 500, bytes: 96 * 1024 * 1024 };
/** Rendering takes the CPU for ~100 ms; at most this many at once, the others wait their turn. */
const RENDER_SLOTS = 2;
/** A member without a nickname is introduced as this. */
const NICKNAME_FALLBACK = '好友';

/** What a poster shows: everything that, when it changes, makes it another poster. */
interface PosterPlan {
  link: ShareLink;
  nickname: string;
  avatarUrl: string | null;
  content:
    | { kind: 'product'; shopName: string; title: string; priceFen: number; priceVaries: boolean; imageUrl: string }
    | { kind: 'team'; shopName: string; title: string; groupPriceFen: number; listPriceFen: number; tagline: string; imageUrl: string | null }
    | { kind: 'shop'; shopName: string; announcement: string | null; logoUrl: string | null };
}

/**
 * 海报: the member's share link (channel `poster`) as a mini-program code, drawn with the member, and the
 * product or the shop, into a PNG. Recording only: a poster earns its sharer nothing (WeChat 运营规范 §5.1).
 */
@Injectable()
export class PostersService {
  private readonly logger = new Logger('Posters');
  private readonly codes = new BoundedCache<Buffer>(CODE_CACHE.entries, CODE_CACHE.bytes, (png) => png.length);
  private readonly posters = new BoundedCache<Buffer>(POSTER_CACHE.entries, POSTER_CACHE.bytes, (png) => png.length);
  private rendering = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly shareLinks: ShareLinksService,
    private readonly catalog: CatalogService,
    private readonly groupBuy: GroupBuyShopperService,
    private readonly members: MembersService,
    private readonly shopProfile: ShopProfileService,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'uploadsDir'>,
  ) {}

  /** The PNG of the member's poster; 404 PRODUCT_NOT_FOUND for a product off shelf or deleted, GROUP_BUY_TEAM_NOT_FOUND for a team not shown. */
  async poster(memberId: number, query: PosterQueryDto): Promise<Buffer> {
    const plan = await this.plan(memberId, query);
    const key = createHash('sha256').update(JSON.stringify({ LAYOUT_VERSION, memberId, plan })).digest('base64url');
    return this.posters.get(key, () => this.inRenderSlot(() => this.draw(plan)));
  }

  private async plan(memberId: number, query: PosterQueryDto): Promise<PosterPlan> {
    const [profile, shop] = await Promise.all([this.members.getProfile(memberId), this.shopProfile.getPublic()]);
    const person = { nickname: profile.nickname?.trim() || NICKNAME_FALLBACK, avatarUrl: profile.avatarUrl };
    if (query.kind === 'shop') {
      const link = await this.shareLinks.create(memberId, { kind: 'page', channel: POSTER_CHANNEL });
      return { link, ...person, content: { kind: 'shop', shopName: shop.shopName, announcement: shop.announcement, logoUrl: shop.logoUrl } };
    }
    if (query.kind === 'team') {
      // The team as its page shows it (404 GROUP_BUY_TEAM_NOT_FOUND for an unknown team, or another member's that
      // is still opening), before any link or code is made.
      const team = await this.groupBuy.team(query.teamId!, memberId);
      const link = await this.shareLinks.create(memberId, { kind: 'team', targetId: team.id, channel: POSTER_CHANNEL });
      const { offer } = team;
      return {
        link,
        ...person,
        content: {
          kind: 'team',
          shopName: shop.shopName,
          title: offer.productTitle,
          groupPriceFen: offer.groupPriceFen,
          listPriceFen: offer.listPriceFen,
          tagline: team.status === 'forming' || team.status === 'opening' ? `还差 ${team.seatsLeft} 人成团` : GROUP_BUY_TEAM_STATUS_LABELS[team.status],
          imageUrl: offer.productImage,
        },
      };
    }
    // Off shelf or deleted: 404 PRODUCT_NOT_FOUND before any link or code is made.
    const product = await this.catalog.productDetail(query.productId!);
    const link = await this.shareLinks.create(memberId, { kind: 'product', targetId: product.id, channel: POSTER_CHANNEL });
    return {
      link,
      ...person,
      content: { kind: 'product', shopName: shop.shopName, title: product.title, priceFen: product.minPriceFen, priceVaries: product.priceVaries, imageUrl: product.coverUrl },
    };
  }

  private async draw(plan: PosterPlan): Promise<Buffer> {
    const { content, link } = plan;
    const [avatar, picture, code] = await Promise.all([
      loadPosterImage(plan.avatarUrl, this.config.uploadsDir),
      loadPosterImage(content.kind === 'shop' ? content.logoUrl : content.imageUrl, this.config.uploadsDir),
      this.code(link),
    ]);
    const drawing: PosterDrawing = {
      sharer: { nickname: plan.nickname, avatar },
      content: content.kind === 'shop' ? { ...content, logo: picture } : { ...content, image: picture },
      code,
    };
    return renderPoster(drawing);
  }

  /** The link's mini-program code, fetched from WeChat once per (page, scene). */
  private code(link: ShareLink): Promise<Buffer> {
    return this.codes.get(`${link.page}|${link.scene}`, async () => {
      try {
        return await this.wechat.getUnlimitedCode({ scene: link.scene, page: link.page });
      } catch (error) {
        if (!(error instanceof WechatApiError || error instanceof WechatUnreachableError)) throw error;
        this.logger.warn(`mini-program code for ${link.page} ${link.scene}: ${error.message}`);
        throw new ApiException('WECHAT_UNAVAILABLE', HttpStatus.BAD_GATEWAY, '小程序码暂时生成不了，请稍后重试');
      }
    });
  }

  private async inRenderSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.rendering >= RENDER_SLOTS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.rendering++;
    try {
      return await work();
    } finally {
      this.rendering--;
      this.waiting.shift()?.();
    }
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  FULL_PHONE_ROLES,
  maskPhone,
  type AdminMemberDetail,
  type AdminMemberRow,
  type MemberProfile,
  type Paginated,
  type LoginAttribution,
  type PrivacyConsent,
  type StaffRole,
  type WechatLoginResponse,
} from '../../../shared';
import { AttributionService } from '../attribution/attribution.service';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { escapeLike } from '../platform/database/like';
import { WechatClient } from '../wechat/wechat.client';
import { loginFailure, phoneFailure } from '../wechat/wechat-errors';
import { AdminMemberQueryDto, UpdateProfileDto } from './member.dto';
import type { RecordedEvent } from '../platform/events/domain-events.service';
import { MemberEventPublisher } from './member-events';
import { MemberRow } from './member.entity';
import { PrivacyConsentService } from './privacy-consent.service';

export function toMemberProfile(member: MemberRow, privacyConsent: PrivacyConsent | null): MemberProfile {
  return {
    id: member.id,
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    phoneMasked: maskPhone(member.phone),
    createdAt: member.createdAt.toISOString(),
    privacyConsent,
  };
}

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(MemberRow) private readonly members: Repository<MemberRow>,
    private readonly transactions: TransactionRunner,
    private readonly wechat: WechatClient,
    private readonly tokens: AuthTokenService,
    private readonly events: MemberEventPublisher,
    private readonly privacyConsents: PrivacyConsentService,
    private readonly attribution: AttributionService,
  ) {}

  /**
   * wx.login code → jscode2session → the member of that openid (created on first login) → a member token.
   * `privacyConsentVersion`: the 隐私政策 the shopper agreed to before logging in, recorded with the login.
   * `attribution`: the storefront's device id and the share link or channel it holds (AttributionService).
   */
  async wechatLogin(code: string, privacyConsentVersion?: string, attribution?: LoginAttribution): Promise<WechatLoginResponse> {
    // Checked before the code is spent, so the storefront can fetch the new policy and log in again.
    if (privacyConsentVersion !== undefined) this.privacyConsents.assertCurrent(privacyConsentVersion);
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (error) {
      throw loginFailure(error);
    }
    const { member, isNew } = await this.signIn(session.openid, session.unionid, privacyConsentVersion);
    await this.attribution.recordLogin(member.id, attribution, isNew ? member.createdAt : null);
    const profile = toMemberProfile(member, await this.privacyConsents.latestOf(member.id));
    return { token: this.tokens.signMember(member.id), member: profile, isNew };
  }

  /**
   * The member of an openid WeChat vouched for, created (and announced as registered: the newcomer coupon
   * follows) on the first sign-in. The demo history signs its members in here, without WeChat.
   */
  async signIn(openid: string, unionid: string | null = null, privacyConsentVersion?: string): Promise<{ member: MemberRow; isNew: boolean }> {
    const { member, registered } = await this.findOrCreateByOpenid(openid, unionid, privacyConsentVersion);
    await this.attribution.recordSignIn(member.id, openid, unionid);
    // The login answers once what the followers give a new member (the 新人券) is there, or they failed (then the
    // redelivery sweep gives it later); a failing follower never fails the login.
    if (registered) await registered.delivered;
    return { member, isNew: registered !== null };
  }

  /**
   * Race-safe on the unique openid: two first logins of one person at once both try the insert;
   * the loser's unique violation means the member exists, and it is read back.
   */
  private async findOrCreateByOpenid(
    openid: string,
    unionid: string | null,
    privacyConsentVersion: string | undefined,
  ): Promise<{ member: MemberRow; registered: RecordedEvent | null }> {
    const now = new Date();
    let registered: RecordedEvent | null = null;
    const existing = await this.members.findOneBy({ openid });
    if (!existing) {
      try {
        // A new member, the consent given before the first login and the member.registered event are written together.
        registered = await this.transactions.run(async (manager) => {
          // createdAt from this clock, to the millisecond (SQLite's default keeps whole seconds): the registering login's
          // touch is dated at it, and the referral report tells touches before and after registration apart by it.
          const inserted = await manager.insert(MemberRow, { openid, unionid, lastLoginAt: now, createdAt: now });
          const memberId = inserted.identifiers[0].id as number;
          if (privacyConsentVersion) await this.privacyConsents.record(manager, memberId, privacyConsentVersion, now);
          return this.events.registered(manager, { memberId, openid, privacyConsentVersion: privacyConsentVersion ?? null });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    if (!registered) {
      // Keep the unionid once WeChat reports it (the app may be bound to an Open Platform account later).
      await this.transactions.run(async (manager) => {
        await manager.update(MemberRow, { openid }, unionid ? { unionid, lastLoginAt: now } : { lastLoginAt: now });
        if (privacyConsentVersion) {
          const memberId = existing?.id ?? (await manager.findOneByOrFail(MemberRow, { openid })).id;
          await this.privacyConsents.record(manager, memberId, privacyConsentVersion, now);
        }
      });
    }
    return { member: await this.members.findOneByOrFail({ openid }), registered };
  }

  async getProfile(memberId: number): Promise<MemberProfile> {
    const [member, consent] = await Promise.all([this.findMember(memberId), this.privacyConsents.latestOf(memberId)]);
    return toMemberProfile(member, consent);
  }

  async updateProfile(memberId: number, changes: UpdateProfileDto): Promise<MemberProfile> {
    await this.findMember(memberId);
    const update: Partial<MemberRow> = {};
    if (changes.nickname !== undefined) update.nickname = changes.nickname.trim();
    if (changes.avatarUrl !== undefined) update.avatarUrl = changes.avatarUrl;
    if (Object.keys(update).length > 0) {
      await this.transactions.run((manager) => manager.update(MemberRow, { id: memberId }, update));
    }
    return this.getProfile(memberId);
  }

  async bindPhone(memberId: number, code: string): Promise<MemberProfile> {
    await this.findMember(memberId);
    let phone;
    try {
      phone = await this.wechat.getPhoneNumber(code);
    } catch (error) {
      throw phoneFailure(error);
    }
    await this.transactions.run((manager) => manager.update(MemberRow, { id: memberId }, { phone: phone.purePhoneNumber }));
    await this.attribution.recordPhone(memberId, phone.purePhoneNumber);
    return this.getProfile(memberId);
  }

  async listForStaff(query: AdminMemberQueryDto, role: StaffRole): Promise<Paginated<AdminMemberRow>> {
    const builder = this.members.createQueryBuilder('m').orderBy('m.id', 'DESC').skip(query.offset).take(query.pageSize);
    const keyword = query.keyword?.trim();
    if (keyword) {
      const like = `%${escapeLike(keyword)}%`;
      builder.where("(m.nickname LIKE :like ESCAPE '!' OR m.phone LIKE :like ESCAPE '!')", { like });
      if (/^\d{1,10}$/.test(keyword)) builder.orWhere('m.id = :id', { id: Number(keyword) });
    }
    const [rows, total] = await builder.getManyAndCount();
    return paginated(
      rows.map((member) => this.toAdminRow(member, role)),
      total,
      query,
    );
  }

  async detailForStaff(memberId: number, role: StaffRole): Promise<AdminMemberDetail> {
    const member = await this.findMember(memberId);
    return { ...this.toAdminRow(member, role), openid: member.openid, unionid: member.unionid };
  }

  private toAdminRow(member: MemberRow, role: StaffRole): AdminMemberRow {
    return {
      id: member.id,
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      phone: FULL_PHONE_ROLES.includes(role) ? member.phone : maskPhone(member.phone),
      createdAt: member.createdAt.toISOString(),
      lastLoginAt: member.lastLoginAt ? member.lastLoginAt.toISOString() : null,
    };
  }

  private async findMember(id: number): Promise<MemberRow> {
    const member = await this.members.findOneBy({ id });
    if (!member) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    return member;
  }
}

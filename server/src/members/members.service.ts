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
  type StaffRole,
  type WechatLoginResponse,
} from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { escapeLike } from '../platform/database/like';
import { WechatClient } from '../wechat/wechat.client';
import { loginFailure, phoneFailure } from '../wechat/wechat-errors';
import { AdminMemberQueryDto, UpdateProfileDto } from './dto/member.dto';
import { MemberEventPublisher } from './member-events';
import { Member } from './member.entity';

export function toMemberProfile(member: Member): MemberProfile {
  return {
    id: member.id,
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    phoneMasked: maskPhone(member.phone),
    createdAt: member.createdAt.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly transactions: TransactionRunner,
    private readonly wechat: WechatClient,
    private readonly tokens: AuthTokenService,
    private readonly events: MemberEventPublisher,
  ) {}

  /** wx.login code → jscode2session → the member of that openid (created on first login) → a member token. */
  async wechatLogin(code: string): Promise<WechatLoginResponse> {
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (error) {
      throw loginFailure(error);
    }
    const { member, isNew } = await this.signIn(session.openid, session.unionid);
    return { token: this.tokens.signMember(member.id), member: toMemberProfile(member), isNew };
  }

  /**
   * The member of an openid WeChat vouched for, created (and announced as registered: the newcomer coupon
   * follows) on the first sign-in. The demo history signs its members in here, without WeChat.
   */
  async signIn(openid: string, unionid: string | null = null): Promise<{ member: Member; isNew: boolean }> {
    const { member, isNew } = await this.findOrCreateByOpenid(openid, unionid);
    if (isNew) await this.events.registered({ memberId: member.id });
    return { member, isNew };
  }

  /**
   * Race-safe on the unique openid: two first logins of one person at once both try the insert;
   * the loser's unique violation means the member exists, and it is read back.
   */
  private async findOrCreateByOpenid(openid: string, unionid: string | null): Promise<{ member: Member; isNew: boolean }> {
    const now = new Date();
    let isNew = false;
    const existing = await this.members.findOneBy({ openid });
    if (!existing) {
      try {
        await this.transactions.run((manager) =>
          manager.insert(Member, { openid, unionid, lastLoginAt: now }),
        );
        isNew = true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    if (!isNew) {
      // Keep the unionid once WeChat reports it (the app may be bound to an Open Platform account later).
      await this.transactions.run((manager) =>
        manager.update(Member, { openid }, unionid ? { unionid, lastLoginAt: now } : { lastLoginAt: now }),
      );
    }
    return { member: await this.members.findOneByOrFail({ openid }), isNew };
  }

  async getProfile(memberId: number): Promise<MemberProfile> {
    return toMemberProfile(await this.findMember(memberId));
  }

  async updateProfile(memberId: number, changes: UpdateProfileDto): Promise<MemberProfile> {
    await this.findMember(memberId);
    const update: Partial<Member> = {};
    if (changes.nickname !== undefined) update.nickname = changes.nickname.trim();
    if (changes.avatarUrl !== undefined) update.avatarUrl = changes.avatarUrl;
    if (Object.keys(update).length > 0) {
      await this.transactions.run((manager) => manager.update(Member, { id: memberId }, update));
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
    await this.transactions.run((manager) => manager.update(Member, { id: memberId }, { phone: phone.purePhoneNumber }));
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

  private toAdminRow(member: Member, role: StaffRole): AdminMemberRow {
    return {
      id: member.id,
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      phone: FULL_PHONE_ROLES.includes(role) ? member.phone : maskPhone(member.phone),
      createdAt: member.createdAt.toISOString(),
      lastLoginAt: member.lastLoginAt ? member.lastLoginAt.toISOString() : null,
    };
  }

  private async findMember(id: number): Promise<Member> {
    const member = await this.members.findOneBy({ id });
    if (!member) throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    return member;
  }
}

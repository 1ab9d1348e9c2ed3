import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { MemberProfile, WechatLoginResponse } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { FileStorage } from '../platform/storage/file-storage';
import { readUploadedImage } from '../platform/storage/uploaded-image';
import { BindPhoneDto, UpdateProfileDto, WechatLoginDto } from './member.dto';
import { MembersService } from './members.service';

const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** Shopper identity: WeChat login and the member's own profile. */
@Controller()
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly storage: FileStorage,
  ) {}

  @Post('auth/wechat-login')
  @HttpCode(200)
  login(@Body() body: WechatLoginDto): Promise<WechatLoginResponse> {
    return this.members.wechatLogin(body.code, body.privacyConsentVersion, body.attribution);
  }

  @Get('me')
  @UseGuards(MemberAuthGuard)
  me(@CurrentMemberId() memberId: number): Promise<MemberProfile> {
    return this.members.getProfile(memberId);
  }

  @Patch('me')
  @UseGuards(MemberAuthGuard)
  update(@CurrentMemberId() memberId: number, @Body() body: UpdateProfileDto): Promise<MemberProfile> {
    return this.members.updateProfile(memberId, body);
  }

  /** Multipart field `file`: the avatar chosen with chooseAvatar (weapp) or a file input (H5). */
  @Post('me/avatar')
  @HttpCode(200)
  @UseGuards(MemberAuthGuard)
  async uploadAvatar(@CurrentMemberId() memberId: number, @Req() request: FastifyRequest): Promise<MemberProfile> {
    const image = await readUploadedImage(request, { maxBytes: AVATAR_MAX_BYTES, allowSvg: false });
    const avatarUrl = await this.storage.save('avatars', image.data, image.type === 'jpeg' ? 'jpg' : image.type);
    return this.members.updateProfile(memberId, { avatarUrl });
  }

  @Post('me/phone')
  @HttpCode(200)
  @UseGuards(MemberAuthGuard)
  bindPhone(@CurrentMemberId() memberId: number, @Body() body: BindPhoneDto): Promise<MemberProfile> {
    return this.members.bindPhone(memberId, body.code);
  }
}

import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PlatformInfo } from '../../../shared';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';

export interface WechatRuntime {
  mode: 'fake' | 'real';
  /** Port the in-process fake listens on (fake mode). */
  fakePort: number | null;
}

export const WECHAT_RUNTIME = Symbol('WECHAT_RUNTIME');

@Controller('platform')
export class PlatformInfoController {
  constructor(
    @Inject(WECHAT_RUNTIME) private readonly runtime: WechatRuntime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Tells the storefront how WeChat is reached (the fake's URL uses the host the browser already reached) and
   * how long it keeps the share link or channel it was opened with.
   */
  @Get()
  info(@Req() request: FastifyRequest): PlatformInfo {
    const { attributionTtlDays } = this.config;
    if (this.runtime.mode === 'real' || this.runtime.fakePort === null) return { wechatMode: this.runtime.mode, attributionTtlDays };
    const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
    return { wechatMode: 'fake', fakeWechatBaseUrl: `${request.protocol}://${host}:${this.runtime.fakePort}`, attributionTtlDays };
  }
}

import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PlatformInfo } from '../../../shared';

export interface WechatRuntime {
  mode: 'fake' | 'real';
  /** Port the in-process fake listens on (fake mode). */
  fakePort: number | null;
}

export const WECHAT_RUNTIME = Symbol('WECHAT_RUNTIME');

@Controller('platform')
export class PlatformInfoController {
  constructor(@Inject(WECHAT_RUNTIME) private readonly runtime: WechatRuntime) {}

  /** Tells the storefront how WeChat is reached; the fake's URL uses the host the browser already reached. */
  @Get()
  info(@Req() request: FastifyRequest): PlatformInfo {
    if (this.runtime.mode === 'real' || this.runtime.fakePort === null) return { wechatMode: this.runtime.mode };
    const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
    return { wechatMode: 'fake', fakeWechatBaseUrl: `${request.protocol}://${host}:${this.runtime.fakePort}` };
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { PlatformInfoController, WECHAT_RUNTIME, type WechatRuntime } from './platform-info.controller';
import { WECHAT_CLIENT_OPTIONS, WechatClient, type WechatClientOptions } from './wechat.client';

@Global()
@Module({})
export class WechatModule {
  static forRoot(client: WechatClientOptions, runtime: WechatRuntime): DynamicModule {
    return {
      module: WechatModule,
      controllers: [PlatformInfoController],
      providers: [
        { provide: WECHAT_CLIENT_OPTIONS, useValue: client },
        { provide: WECHAT_RUNTIME, useValue: runtime },
        WechatClient,
      ],
      exports: [WechatClient],
    };
  }
}

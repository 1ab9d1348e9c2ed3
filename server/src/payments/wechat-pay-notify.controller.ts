import { Controller, HttpCode, Logger, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WechatPayNotificationRejected } from '../wechat/pay/wechat-pay-errors';
import { WechatPayNotificationVerifier } from '../wechat/pay/wechat-pay-notification.verifier';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';

/**
 * WeChat Pay's notifications (payments and refunds). The signature covers the exact bytes received, so
 * the raw body is verified, never the re-serialized JSON. 204 acknowledges; a rejection answers 4xx
 * {code:'FAIL'} and WeChat retries on its schedule.
 */
@Controller('payments/wechat-pay')
export class WechatPayNotifyController {
  private readonly logger = new Logger('WechatPayNotify');

  constructor(
    private readonly verifier: WechatPayNotificationVerifier,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
  ) {}

  @Post('notify')
  @HttpCode(204)
  async notify(@Req() request: RawBodyRequest<FastifyRequest>, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    let notification;
    try {
      notification = this.verifier.verify(request.rawBody ?? Buffer.alloc(0), request.headers);
    } catch (error) {
      if (!(error instanceof WechatPayNotificationRejected)) throw error;
      this.logger.warn(`notification rejected: ${error.message}`);
      reply.status(error.httpStatus);
      return error.toResponseBody();
    }
    if (notification.kind === 'transaction') await this.payments.applyTransaction(notification.transaction);
    else await this.refunds.applyRefundNotice(notification.refund);
    return undefined;
  }
}

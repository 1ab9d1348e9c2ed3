import { Controller, HttpCode, Logger, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WechatPayNotificationRejected } from '../../wechat/pay/wechat-pay-errors';
import { WechatPayNotificationVerifier } from '../../wechat/pay/wechat-pay-notification.verifier';
import { WithdrawalTransfers } from './withdrawal-transfers';

/**
 * WeChat Pay's MCHTRANSFER.BILL.FINISHED for withdrawal bills (WITHDRAWAL_NOTIFY_PATH). Verified over the raw
 * bytes and decrypted like payment notifications; 204 acknowledges (also for a bill we do not know, which a
 * retry would not change); a rejection answers 4xx {code:'FAIL'} and WeChat retries on its schedule.
 */
@Controller('withdrawals/wechat-transfer')
export class WithdrawalNotifyController {
  private readonly logger = new Logger('WithdrawalNotify');

  constructor(
    private readonly verifier: WechatPayNotificationVerifier,
    private readonly transfers: WithdrawalTransfers,
  ) {}

  @Post('notify')
  @HttpCode(204)
  async notify(@Req() request: RawBodyRequest<FastifyRequest>, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    let notification;
    try {
      notification = this.verifier.verifyTransfer(request.rawBody ?? Buffer.alloc(0), request.headers);
    } catch (error) {
      if (!(error instanceof WechatPayNotificationRejected)) throw error;
      this.logger.warn(`transfer notification rejected: ${error.message}`);
      reply.status(error.httpStatus);
      return error.toResponseBody();
    }
    await this.transfers.applyNotice(notification.transfer);
    return undefined;
  }
}

import { Body, Controller, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { OrderDetail, RefundPreview, UploadResponse } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { FileStorage } from '../platform/storage/file-storage';
import { readUploadedImage } from '../platform/storage/uploaded-image';
import { RefundItemsDto } from '../payments/refund.dto';
import { ApplyAfterSaleDto, ReturnShipmentDto } from './after-sale.dto';
import { AfterSalesService } from './after-sales.service';

/** Photos of an after-sale case: phone pictures, never SVG. */
const SHOPPER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** The shopper's side of after-sales: applying, and uploading the photos for it. */
@Controller()
@UseGuards(MemberAuthGuard)
export class AfterSalesController {
  constructor(
    private readonly afterSales: AfterSalesService,
    private readonly storage: FileStorage,
  ) {}

  @Post('orders/:orderNo/after-sales')
  apply(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string, @Body() body: ApplyAfterSaleDto): Promise<OrderDetail> {
    return this.afterSales.apply(memberId, orderNo, body);
  }

  /** What a case for these units would refund (nothing is written). */
  @Post('orders/:orderNo/after-sales/preview')
  @HttpCode(200)
  preview(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string, @Body() body: RefundItemsDto): Promise<RefundPreview> {
    return this.afterSales.preview(memberId, orderNo, body.items ?? null);
  }

  /** The parcel of an approved 退货退款 back to the shop; changeable until staff confirm receipt. */
  @Put('orders/:orderNo/return-shipment')
  setReturnShipment(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string, @Body() body: ReturnShipmentDto): Promise<OrderDetail> {
    return this.afterSales.setReturnShipment(memberId, orderNo, body);
  }

  /** Multipart field `file` → { url } for ApplyAfterSaleRequest.images. */
  @Post('me/uploads')
  async upload(@Req() request: FastifyRequest): Promise<UploadResponse> {
    const image = await readUploadedImage(request, { maxBytes: SHOPPER_UPLOAD_MAX_BYTES, allowSvg: false });
    return { url: await this.storage.save('after-sales', image.data, image.type === 'jpeg' ? 'jpg' : image.type) };
  }
}

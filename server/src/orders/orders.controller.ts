import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CheckoutPreview, OrderCounts, OrderDetail, OrderSummary, Paginated } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { CheckoutService } from './checkout.service';
import { CheckoutPreviewDto, CreateOrderDto, OrderListQueryDto } from './order.dto';
import { orderSourceFromHeaders } from './order-source';
import { OrdersService } from './orders.service';
import { ShippingService } from './shipping.service';
import { ShipRemindersService } from './ship-reminders.service';

/** The shopper's checkout and orders. */
@Controller()
@UseGuards(MemberAuthGuard)
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
    private readonly shipping: ShippingService,
    private readonly shipReminders: ShipRemindersService,
  ) {}

  @Post('checkout/preview')
  @HttpCode(200)
  preview(
    @CurrentMemberId() memberId: number,
    @Body() body: CheckoutPreviewDto,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<CheckoutPreview> {
    return this.checkout.preview(memberId, body, orderSourceFromHeaders(headers));
  }

  /** 201 with the new order; 200 with the same order when the clientToken was already used. */
  @Post('orders')
  async place(
    @CurrentMemberId() memberId: number,
    @Body() body: CreateOrderDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    const { order, created } = await this.checkout.place(memberId, body, orderSourceFromHeaders(headers));
    reply.status(created ? 201 : 200);
    return order;
  }

  @Get('orders')
  list(@CurrentMemberId() memberId: number, @Query() query: OrderListQueryDto): Promise<Paginated<OrderSummary>> {
    return this.orders.list(memberId, query);
  }

  /** The badges of 我的's order shortcuts (the caller's orders only). */
  @Get('me/order-counts')
  counts(@CurrentMemberId() memberId: number): Promise<OrderCounts> {
    return this.orders.counts(memberId);
  }

  @Get('orders/:orderNo')
  detail(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<OrderDetail> {
    return this.orders.detail(memberId, orderNo);
  }

  @Post('orders/:orderNo/cancel')
  @HttpCode(200)
  cancel(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<OrderDetail> {
    return this.orders.cancelByShopper(memberId, orderNo);
  }

  @Post('orders/:orderNo/confirm-receipt')
  @HttpCode(200)
  confirmReceipt(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<OrderDetail> {
    return this.shipping.confirmReceipt(memberId, orderNo);
  }

  /** 提醒发货: once per order per SHIP_REMINDER_INTERVAL_HOURS (429 sooner). */
  @Post('orders/:orderNo/ship-reminder')
  @HttpCode(200)
  remindToShip(@CurrentMemberId() memberId: number, @Param('orderNo') orderNo: string): Promise<OrderDetail> {
    return this.shipReminders.remind(memberId, orderNo);
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderProcess } from '../orders/process/order-process';
import { countOrderAsSold, uncountRefundedOrder } from './product-sales';

/**
 * Real sales follow the order, in the transaction that moves it: its units count once it is paid and stop
 * counting once it is refunded (src/catalog/product-sales.ts says how).
 */
@Injectable()
export class SalesCountHooks implements OnModuleInit {
  constructor(private readonly orders: OrderProcess) {}

  onModuleInit(): void {
    this.orders.registerHook({
      name: 'catalog.sales-on-paid',
      from: 'pending_payment',
      to: 'paid',
      run: (manager, { orderId, lines }) => countOrderAsSold(manager, orderId, lines),
      sharedRows: true,
    });
    this.orders.registerHook({
      name: 'catalog.sales-off-on-refunded',
      to: 'refunded',
      run: (manager, { orderId }) => uncountRefundedOrder(manager, orderId),
      sharedRows: true,
    });
  }
}

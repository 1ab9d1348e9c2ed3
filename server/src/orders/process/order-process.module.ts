import { Global, Module } from '@nestjs/common';
import { OrderProcess } from './order-process';

/**
 * The order process, one instance for the whole app: the orders, payments and after-sales move orders through
 * it, and other domains (catalog, later group-buy) register their guards and hooks with it without the order
 * modules importing theirs.
 */
@Global()
@Module({
  providers: [OrderProcess],
  exports: [OrderProcess],
})
export class OrderProcessModule {}

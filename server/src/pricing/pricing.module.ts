import { Module, type Type } from '@nestjs/common';
import { GroupPriceSource } from '../group-buy/group-price.source';
import { LivePriceSource } from '../live/live-price.source';
import { ListPriceSource } from './list-price.source';
import { PriceSourceRegistry, type PriceSource } from './price-sources';

/** The price sources besides the list price (the fallback): a new source's class goes here. */
const PRICE_SOURCES: Type<PriceSource>[] = [GroupPriceSource, LivePriceSource];

@Module({
  providers: [
    ListPriceSource,
    ...PRICE_SOURCES,
    {
      provide: PriceSourceRegistry,
      inject: [ListPriceSource, ...PRICE_SOURCES],
      useFactory: (listPrice: ListPriceSource, ...sources: PriceSource[]) => {
        const registry = new PriceSourceRegistry(listPrice);
        for (const source of sources) registry.register(source);
        return registry;
      },
    },
  ],
  exports: [PriceSourceRegistry],
})
export class PricingModule {}

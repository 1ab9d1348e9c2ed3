import { Injectable } from '@nestjs/common';
import type { RepeatPurchaseMetrics } from '../../../shared';
import { addDays, chinaDay, startOfChinaDay } from '../../../shared/china-time';
import { analyticsRangeDays } from './analytics-range';
import { PurchaseFacts } from './purchase-facts';
import { computeRepeatPurchaseMetrics, factsNeededBefore, rankRepurchasedProducts } from './repeat-purchase-metrics';

/** The store's repeat-purchase metrics for a range: the facts read with a few queries, the figures computed in TypeScript. */
@Injectable()
export class RepeatPurchaseService {
  constructor(private readonly facts: PurchaseFacts) {}

  async metrics(from: string, to: string, now: Date = new Date()): Promise<RepeatPurchaseMetrics> {
    analyticsRangeDays(from, to);
    const [orders, pairs] = await Promise.all([
      this.facts.paidOrdersBefore(factsNeededBefore(to)),
      this.facts.repurchasePairs(startOfChinaDay(from), startOfChinaDay(addDays(to, 1))),
    ]);
    const ranked = rankRepurchasedProducts(pairs);
    const titles = await this.facts.lineTitles(ranked.map((product) => product.latestLineId));
    return {
      ...computeRepeatPurchaseMetrics({ from, to, today: chinaDay(now), orders }),
      topRepurchasedProducts: ranked.map(({ latestLineId, ...product }) => ({ ...product, title: titles.get(latestLineId) ?? '' })),
    };
  }
}

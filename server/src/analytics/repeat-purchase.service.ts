import { HttpStatus, Injectable } from '@nestjs/common';
import { MAX_ANALYTICS_RANGE_DAYS, type RepeatPurchaseMetrics } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';
import { addDays, chinaDay, daysBetween, startOfChinaDay } from '../../../shared/china-time';
import { PurchaseFacts } from './purchase-facts';
import { computeRepeatPurchaseMetrics, factsNeededBefore, rankRepurchasedProducts } from './repeat-purchase-metrics';

/** The store's repeat-purchase metrics for a range: the facts read with a few queries, the figures computed in TypeScript. */
@Injectable()
export class RepeatPurchaseService {
  constructor(private readonly facts: PurchaseFacts) {}

  async metrics(from: string, to: string, now: Date = new Date()): Promise<RepeatPurchaseMetrics> {
    const days = daysBetween(from, to) + 1;
    if (days < 1) {
      throw new ApiException('ANALYTICS_RANGE_INVALID', HttpStatus.BAD_REQUEST, '结束日期不能早于开始日期', { from, to });
    }
    if (days > MAX_ANALYTICS_RANGE_DAYS) {
      throw new ApiException('ANALYTICS_RANGE_TOO_LONG', HttpStatus.BAD_REQUEST, `日期范围最长 ${MAX_ANALYTICS_RANGE_DAYS} 天`, { from, to, days, maxDays: MAX_ANALYTICS_RANGE_DAYS });
    }
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

import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnswerCache } from './answer-cache';
import { AnswerCachePoller } from './answer-cache-poller';
import { registerAnswerCache } from './cache-changes';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheVersionRow } from './cache-version.entity';

/** Bytes of serialized answers one instance keeps at most (least recently used leave first). */
const ANSWER_CACHE_MAX_BYTES = 32 * 1024 * 1024;
/**
 * No answer is served older than this: the bound for figures that other instances do not poll for (已售 after a
 * payment elsewhere, a coupon's 剩余 after a claim elsewhere). Everything else is dropped within a poll interval.
 */
export const ANSWER_CACHE_MAX_AGE_MS = 10_000;

/** The shoppers' answer cache of this instance (see answer-cache.ts and cache-changes.ts). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CacheVersionRow])],
  providers: [
    {
      provide: AnswerCache,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => {
        const cache = new AnswerCache({ maxBytes: ANSWER_CACHE_MAX_BYTES, maxAgeMs: ANSWER_CACHE_MAX_AGE_MS });
        registerAnswerCache(dataSource, (tags) => cache.drop(tags));
        return cache;
      },
    },
    AnswerCachePoller,
  ],
  exports: [AnswerCache],
})
export class AnswerCacheModule {}

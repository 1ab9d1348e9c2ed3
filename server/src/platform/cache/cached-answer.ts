import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AnswerCache, type AnswerAudience } from './answer-cache';

/** What Fastify sends for a JSON answer. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

interface CachedAnswerRule {
  /** The answer's tags (AnswerTags), or null when this request's answer is not kept (e.g. a keyword search). */
  tagsOf: (request: FastifyRequest) => readonly string[] | null;
  audience: AnswerAudience;
}

const CACHED_ANSWER = 'cachedAnswer';

/**
 * Marks a shopper's GET endpoint whose answer is the same for every caller (or, with audience 'visitors', for
 * every caller without a member token): its answer is kept serialized by URL and served from the cache
 * (serve-cached-answers.ts) until a change drops one of its tags. The handler runs as usual on a miss; errors are
 * never kept. Nothing per member may go into such an answer.
 */
export function CachedAnswer(tagsOf: CachedAnswerRule['tagsOf'], audience: AnswerAudience = 'everyone'): MethodDecorator {
  return applyDecorators(SetMetadata(CACHED_ANSWER, { tagsOf, audience } satisfies CachedAnswerRule), UseInterceptors(CachedAnswerInterceptor));
}

/**
 * On a miss: runs the handler, keeps its answer serialized and sends those same bytes. Requests for the same URL
 * arriving while it runs wait for it instead of running the handler too (after a drop, 50 shoppers on a page
 * cost one computation, not 50).
 */
@Injectable()
export class CachedAnswerInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: AnswerCache,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.get<CachedAnswerRule>(CACHED_ANSWER, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tags = rule.tagsOf(request);
    if (!tags || (rule.audience === 'visitors' && request.headers.authorization)) return next.handle();
    let computation = this.cache.joinComputation(request.url);
    if (!computation) {
      const ticket = this.cache.startFill(tags);
      computation = lastValueFrom(next.handle()).then((answer) => {
        const body = Buffer.from(JSON.stringify(answer));
        this.cache.store(request.url, body, ticket, rule.audience);
        return body;
      });
      this.cache.shareComputation(request.url, computation, ticket);
    }
    return from(
      computation.then((body) => {
        context.switchToHttp().getResponse<FastifyReply>().header('content-type', JSON_CONTENT_TYPE);
        return body;
      }),
    );
  }
}

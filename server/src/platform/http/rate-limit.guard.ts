import { applyDecorators, CanActivate, ExecutionContext, HttpStatus, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api-exception';

export interface RateLimitRule {
  /** Requests allowed per window, per client (the member when signed in, else the client address). */
  limit: number;
  windowMs: number;
}

const RATE_LIMIT = Symbol('RATE_LIMIT');

/** How many clients one instance remembers per route before it forgets the oldest windows (bounded memory). */
const MAX_TRACKED_CLIENTS = 50_000;

/**
 * Caps a cheap public or member write (touches, share links) per client on this instance: a fixed window per
 * (route, member or address), counted before the handler runs. N instances allow N times the limit, which is
 * still a bound; limits that must hold across instances (the staff login) are counted in the database instead.
 */
export function RateLimit(rule: RateLimitRule) {
  return applyDecorators(SetMetadata(RATE_LIMIT, rule), UseGuards(RateLimitGuard));
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<RateLimitRule>(RATE_LIMIT, context.getHandler());
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const client = request.memberId !== undefined ? `member:${request.memberId}` : `ip:${request.ip}`;
    const key = `${request.routeOptions.url}|${client}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= rule.windowMs) {
      if (!window && this.windows.size >= MAX_TRACKED_CLIENTS) this.forgetOldest();
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= rule.limit) return true;
    const retryAfter = Math.ceil((window.startedAt + rule.windowMs - now) / 1000);
    context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new ApiException('RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS, `操作太频繁，请 ${retryAfter} 秒后再试`, { retryAfterSeconds: retryAfter });
  }

  /** Drops the first tenth of the map (insertion order: the oldest windows). */
  private forgetOldest(): void {
    let dropping = Math.ceil(MAX_TRACKED_CLIENTS / 10);
    for (const key of this.windows.keys()) {
      if (dropping-- <= 0) break;
      this.windows.delete(key);
    }
  }
}

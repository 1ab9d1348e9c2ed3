import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api-exception';

/**
 * Limits of a JSON request body, checked before it is parsed or validated. The deepest body the API takes
 * (a product with its SKUs and their spec values) nests 4 levels; class-transformer and class-validator walk
 * a body recursively, so a body of thousands of nested arrays crashed them (500) and a 900 KB one cost a
 * second of CPU. The size limits are per route class: what a login or a shopper ever sends is small, only the
 * admin console sends long texts (product details, coupon lists of up to 5,000 phone numbers).
 */
export const JSON_MAX_DEPTH = 32;
export const JSON_BODY_LIMITS = {
  /** POST /api/v1/auth/… and /api/v1/admin/auth/…: tokens and passwords, no token needed to send them. */
  login: 16 * 1024,
  /** Everything else under /api/v1/admin/ (staff only). */
  admin: 1024 * 1024,
  /** Shopper routes and anything else. */
  shopper: 64 * 1024,
} as const;

/** The largest of the limits: Fastify reads no more than this before the parser sees the body. */
export const JSON_BODY_READ_LIMIT = Math.max(...Object.values(JSON_BODY_LIMITS));

export function jsonBodyLimit(url: string): number {
  const path = url.split('?')[0];
  if (/^\/api\/v1\/(admin\/)?auth\//.test(path)) return JSON_BODY_LIMITS.login;
  if (path.startsWith('/api/v1/admin/')) return JSON_BODY_LIMITS.admin;
  return JSON_BODY_LIMITS.shopper;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, stopping as soon as it passes `limit`: one pass
 * over the characters, strings skipped, no recursion, so it costs microseconds per kilobyte whatever the text.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Checks a raw JSON body against its route's limits; throws 413 PAYLOAD_TOO_LARGE or 400 JSON_TOO_DEEP. */
export function checkJsonBody(request: Pick<FastifyRequest, 'url'>, text: string, bytes: number): void {
  const limit = jsonBodyLimit(request.url);
  if (bytes > limit) {
    throw new ApiException('PAYLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, `请求体过大（此接口最多 ${Math.round(limit / 1024)} KB）`, {
      limitBytes: limit,
    });
  }
  if (jsonDepthExceeds(text, JSON_MAX_DEPTH)) {
    throw new ApiException('JSON_TOO_DEEP', HttpStatus.BAD_REQUEST, `请求体嵌套过深（最多 ${JSON_MAX_DEPTH} 层）`, { maxDepth: JSON_MAX_DEPTH });
  }
}

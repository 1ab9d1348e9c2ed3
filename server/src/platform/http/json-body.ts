import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api-exception';

/**
 * Limits of a JSON request body, checked before it is parsed or validated. The deepest body the API takes
 * (a product with its SKUs and their spec values) nests 4 levels; class-transformer and class-validator walk
 * a body recursively, so a body of thousands of nested arrays crashed them (500) and a 900 KB one cost a
 * second of CPU. The size limits are per route class: the login routes, which anyone may call without a
 * token, take 16 KB; the rest 1 MB, where a field that is too long still gets its own validation error.
 */
export const JSON_MAX_DEPTH = 32;

export interface JsonBodyLimits {
  bytes: number;
  /** Elements of any one array (see jsonShapeProblem). */
  arrayLength: number;
}

export const JSON_BODY_LIMITS = {
  /** POST /api/v1/auth/… and /api/v1/admin/auth/…: a code or a username and password, sent without a token. */
  login: { bytes: 16 * 1024, arrayLength: 100 },
  /** Everything else under /api/v1/admin/ (staff only): coupon issue lists of up to 5,000 member ids. */
  admin: { bytes: 1024 * 1024, arrayLength: 5000 },
  /** Shopper routes and anything else: an order has at most 50 lines (a 500 KB remark still gets its field error). */
  shopper: { bytes: 1024 * 1024, arrayLength: 200 },
} as const satisfies Record<string, JsonBodyLimits>;

/** The largest of the limits: Fastify reads no more than this before the parser sees the body. */
export const JSON_BODY_READ_LIMIT = Math.max(...Object.values(JSON_BODY_LIMITS).map((limits) => limits.bytes));

export function jsonBodyLimits(url: string): JsonBodyLimits {
  const path = url.split('?')[0];
  if (/^\/api\/v1\/(admin\/)?auth\//.test(path)) return JSON_BODY_LIMITS.login;
  if (path.startsWith('/api/v1/admin/')) return JSON_BODY_LIMITS.admin;
  return JSON_BODY_LIMITS.shopper;
}

/**
 * What makes a JSON text expensive to turn into DTOs, whatever its size in bytes: class-transformer and
 * class-validator cost about 25 µs per object or array, so a 1 MB body of 40,000 small objects took a second
 * of CPU before the ArrayMaxSize rule could refuse it. The largest body the API takes (a product with 200 SKUs, each
 * with its spec values, and 50 detail blocks) has about 460 objects and arrays; the longest array is a coupon
 * issue list of 5,000 member ids.
 */
export const JSON_MAX_CONTAINERS = 600;

export type JsonShapeProblem = 'too_deep' | 'too_many_containers' | 'array_too_long' | null;

/**
 * Checks nesting depth, the number of objects and arrays, and array lengths of a JSON text in one pass over its
 * characters (strings skipped, no recursion), stopping at the first limit passed: microseconds per kilobyte.
 * It does not validate the JSON; the parser after it does.
 */
export function jsonShapeProblem(text: string, maxArrayLength: number, maxDepth = JSON_MAX_DEPTH): JsonShapeProblem {
  // Per open container: -1 for an object, else the commas seen so far in the array.
  const open: number[] = [];
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (open.length >= maxDepth) return 'too_deep';
      if (++containers > JSON_MAX_CONTAINERS) return 'too_many_containers';
      open.push(char === 0x5b ? 0 : -1);
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      open.pop();
    } else if (char === 0x2c /* , */ && open.length > 0 && open[open.length - 1] >= 0) {
      if (++open[open.length - 1] >= maxArrayLength) return 'array_too_long';
    }
  }
  return null;
}

/** Checks a raw JSON body against its route's limits; throws 413 PAYLOAD_TOO_LARGE or 400 JSON_TOO_DEEP. */
export function checkJsonBody(request: Pick<FastifyRequest, 'url'>, text: string, bytes: number): void {
  const limits = jsonBodyLimits(request.url);
  if (bytes > limits.bytes) {
    throw new ApiException('PAYLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, `请求体过大（此接口最多 ${Math.round(limits.bytes / 1024)} KB）`, {
      limitBytes: limits.bytes,
    });
  }
  const problem = jsonShapeProblem(text, limits.arrayLength);
  if (problem === 'too_deep') {
    throw new ApiException('JSON_TOO_DEEP', HttpStatus.BAD_REQUEST, `请求体嵌套过深（最多 ${JSON_MAX_DEPTH} 层）`, { maxDepth: JSON_MAX_DEPTH });
  }
  if (problem) {
    throw new ApiException(
      'PAYLOAD_TOO_LARGE',
      HttpStatus.PAYLOAD_TOO_LARGE,
      `请求体包含的数组或对象过多（对象与数组合计最多 ${JSON_MAX_CONTAINERS} 个，此接口每个数组最多 ${limits.arrayLength} 项）`,
      { maxContainers: JSON_MAX_CONTAINERS, maxArrayLength: limits.arrayLength },
    );
  }
}

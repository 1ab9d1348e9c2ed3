import { randomInt } from 'node:crypto';
import { chinaDay } from '../../../shared';

/**
 * An order number: the placement date in China (8 digits, handy for staff and customer service) and 10
 * random digits, so numbers say nothing about how many orders the shop takes and cannot be guessed
 * from one another. Uniqueness is the database's unique index (a collision is retried).
 */
export function newOrderNo(now: Date = new Date()): string {
  return chinaDay(now).replace(/-/g, '') + String(randomInt(0, 10_000_000_000)).padStart(10, '0');
}

export const ORDER_NO_PATTERN = /^\d{18}$/;

import type { CreateShareLinkRequest, ShareLink, ShareLinkKind } from '@shared/api/attribution';
import type { ShareEventChannel } from '@shared/api/referral-report';
import { shortIdFromScene } from '@shared/scene';
import { session } from '@/store/session';
import { ApiRequestError, request } from './request';

/** The signed-in member's link for this target and channel (the same one every time). */
export function createShareLink(input: CreateShareLinkRequest): Promise<ShareLink> {
  return request<ShareLink>('/share-links', { method: 'POST', body: input, toast: false });
}

/**
 * Tells the server the member shared their link (转发、朋友圈、海报保存) for the 推广报表. Counted only, never rewarded;
 * a failure is ignored (the share itself goes on).
 */
export function recordShareEvent(shortId: string, channel: ShareEventChannel): void {
  request<void>('/share-events', { method: 'POST', body: { shortId, channel }, toast: false }).catch(() => {});
}

/** What a short id opens (a scanned code's page has only the scene). */
export function fetchShareLink(shortId: string): Promise<ShareLink> {
  return request<ShareLink>(`/share-links/${encodeURIComponent(shortId)}`, { toast: false });
}

/**
 * The product a product page is for: its `id` parameter, or, for a scanned mini-program code (which opens the
 * page with only a `scene`), the product of the share link the scene names. Null when there is none (an
 * unknown link included); a network failure throws.
 */
export function productIdOfPage(id: string | undefined, scene: string | undefined): Promise<number | null> {
  return targetIdOfPage('product', id, shortIdFromScene(scene));
}

/**
 * The target (product, 拼团 team…) a page is for: its `id` parameter, else the target of the share link
 * `shortId` names (a scanned code's scene, or a share path's `s` when the link's path carries no id).
 */
export async function targetIdOfPage(kind: ShareLinkKind, id: string | undefined, shortId: string | null | undefined): Promise<number | null> {
  const fromId = Number(id);
  if (Number.isInteger(fromId) && fromId > 0) return fromId;
  if (!shortId) return null;
  try {
    const link = await fetchShareLink(shortId);
    return link.kind === kind ? link.targetId : null;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

/** Links this launch already has, by member, target and channel: they never change, so each is asked for once. */
const memberLinks = new Map<string, Promise<ShareLink>>();

/**
 * The signed-in member's link for a target and channel, asked once per launch (a failed ask is asked again
 * next time); null for a guest, whose share carries no sharer.
 */
export function memberShareLink(input: CreateShareLinkRequest): Promise<ShareLink> | null {
  const { token, profile } = session.get();
  if (!token) return null;
  const key = `${profile?.id ?? token}|${input.kind}|${input.targetId ?? ''}|${input.channel ?? ''}`;
  let link = memberLinks.get(key);
  if (!link) {
    link = createShareLink(input);
    memberLinks.set(key, link);
    link.catch(() => memberLinks.delete(key));
  }
  return link;
}

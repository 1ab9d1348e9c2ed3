import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { LiveFeaturedProduct } from '@shared/api/live';
import { fetchLiveFeatured } from '@/services/live';
import { featuredByProduct } from './live-view';

/** How long one answer of GET /live/featured serves every grid and product page (a session's start shows within it). */
const FRESH_MS = 30_000;

let cached: { at: number; read: Promise<Map<number, LiveFeaturedProduct>> } | null = null;

/** The featured products, asked at most once per FRESH_MS however many grids and cards ask; a failure is asked again next time. */
function readFeatured(): Promise<Map<number, LiveFeaturedProduct>> {
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.read;
  const read = fetchLiveFeatured().then(featuredByProduct);
  cached = { at: Date.now(), read };
  read.catch(() => {
    if (cached?.read === read) cached = null;
  });
  return read;
}

/**
 * Products featured by a live or upcoming session, by product id, for the 直播中 / 直播预告 badges: read when the
 * page shows (from the short cache), never per card. Null until known; without it (a failed read) no badge shows.
 */
export function useLiveFeatured(): ReadonlyMap<number, LiveFeaturedProduct> | null {
  const [featured, setFeatured] = useState<ReadonlyMap<number, LiveFeaturedProduct> | null>(null);
  const [shown, setShown] = useState(0);
  // Coming back to a page that stayed open (a tab, a list under a product page): the live may have started or ended.
  useDidShow(() => setShown((count) => count + 1));
  useEffect(() => {
    let alive = true;
    readFeatured().then(
      (next) => alive && setFeatured(next),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [shown]);
  return featured;
}

import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { loadImage, type Image } from '@napi-rs/canvas';
import { UPLOADS_URL_PREFIX } from '../platform/storage/local-disk-storage';
import { detectImageType } from '../platform/storage/image-type';

/** The largest picture a poster draws (a product photo is well under this). */
export const POSTER_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** How long a poster waits for a picture on another server (an object store, WeChat's avatar host). */
export const POSTER_IMAGE_TIMEOUT_MS = 3000;

/**
 * Loads a picture for a poster: `/uploads/…` from this server's disk, `http(s)://…` (an object store) over the
 * network with a timeout; at most POSTER_IMAGE_MAX_BYTES, and only real image bytes (sniffed, not trusted by
 * name). Answers null instead of failing: the poster then draws its fallback (an initial badge, a plain panel).
 */
export async function loadPosterImage(url: string | null | undefined, uploadsDir: string): Promise<Image | null> {
  if (!url) return null;
  try {
    const data = url.startsWith(UPLOADS_URL_PREFIX) ? await readUpload(url, uploadsDir) : /^https?:\/\//i.test(url) ? await download(url) : null;
    if (!data || !detectImageType(data)) return null;
    return await loadImage(data);
  } catch {
    return null;
  }
}

/** A file under the uploads directory; a path that climbs out of it (`..`) is refused. */
async function readUpload(url: string, uploadsDir: string): Promise<Buffer | null> {
  const root = resolve(uploadsDir);
  const path = resolve(root, decodeURIComponent(url.slice(UPLOADS_URL_PREFIX.length).split('?')[0]));
  if (!path.startsWith(root + sep)) return null;
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > POSTER_IMAGE_MAX_BYTES) return null;
    return await file.readFile();
  } finally {
    await file.close();
  }
}

/** Reads at most POSTER_IMAGE_MAX_BYTES within the timeout (which covers the body too). */
async function download(url: string): Promise<Buffer | null> {
  const response = await fetch(url, { signal: AbortSignal.timeout(POSTER_IMAGE_TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok || !response.body) return null;
  if (Number(response.headers.get('content-length') ?? 0) > POSTER_IMAGE_MAX_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > POSTER_IMAGE_MAX_BYTES) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

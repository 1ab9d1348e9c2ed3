import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';

/** The text of the QR code in a PNG or JPEG, or null when no code can be read (as a phone camera would). */
export async function readQrCode(image: Buffer): Promise<string | null> {
  const picture = await loadImage(image);
  const canvas = createCanvas(picture.width, picture.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(picture, 0, 0);
  const pixels = ctx.getImageData(0, 0, picture.width, picture.height);
  return jsQR(new Uint8ClampedArray(pixels.data), picture.width, picture.height)?.data ?? null;
}

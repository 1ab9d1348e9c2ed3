import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { POSTER_HEIGHT, POSTER_WIDTH, formatFen } from '../../../shared';

/** The CJK font installed with the server (fonts-noto-cjk); the JP face of the same collection draws the same glyphs. */
const FONT = '"Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif';
const MARGIN = 40;
const INK = '#1f1f1f';
const MUTED = '#8c8c8c';
const PRICE_RED = '#fa2c19';
const PANEL = '#f6f1ea';

/** Who shares: drawn at the top of every poster. */
export interface PosterSharer {
  nickname: string;
  avatar: Image | null;
}

export interface ProductPosterContent {
  kind: 'product';
  shopName: string;
  title: string;
  priceFen: number;
  /** The SKUs' prices differ: the price is a "from" price (起). */
  priceVaries: boolean;
  image: Image | null;
}

export interface ShopPosterContent {
  kind: 'shop';
  shopName: string;
  announcement: string | null;
  logo: Image | null;
}

export interface PosterDrawing {
  sharer: PosterSharer;
  content: ProductPosterContent | ShopPosterContent;
  /** The mini-program code's image bytes (PNG or JPEG, as WeChat answered). */
  code: Buffer;
}

/** Draws a poster (POSTER_WIDTH × POSTER_HEIGHT) and encodes it as PNG. */
export async function renderPoster(drawing: PosterDrawing): Promise<Buffer> {
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  const { sharer, content } = drawing;
  drawSharer(ctx, sharer, content.kind === 'product' ? '向你推荐一件好物' : `邀你逛逛「${content.shopName}」`);
  if (content.kind === 'product') drawProduct(ctx, content);
  else drawShop(ctx, content);

  // The code, bottom right, on white with its caption: WeChat reads it from a photo of the screen too.
  const codeSize = 220;
  const codeX = POSTER_WIDTH - MARGIN - codeSize;
  const codeY = POSTER_HEIGHT - MARGIN - codeSize - 40;
  ctx.drawImage(await loadImage(drawing.code), codeX, codeY, codeSize, codeSize);
  ctx.fillStyle = MUTED;
  ctx.font = `22px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('长按识别小程序码', codeX + codeSize / 2, codeY + codeSize + 34);
  ctx.textAlign = 'left';
  return canvas.encode('png');
}

function drawSharer(ctx: SKRSContext2D, sharer: PosterSharer, line: string) {
  const size = 88;
  const x = MARGIN;
  const y = 32;
  drawRoundPicture(ctx, sharer.avatar, sharer.nickname, x, y, size);
  const textX = x + size + 24;
  ctx.fillStyle = INK;
  ctx.font = `bold 32px ${FONT}`;
  ctx.fillText(fit(ctx, sharer.nickname, POSTER_WIDTH - MARGIN - textX), textX, y + 38);
  ctx.fillStyle = MUTED;
  ctx.font = `26px ${FONT}`;
  ctx.fillText(fit(ctx, line, POSTER_WIDTH - MARGIN - textX), textX, y + 78);
}

const PICTURE_Y = 150;
const PICTURE_SIZE = POSTER_WIDTH - MARGIN * 2;

function drawProduct(ctx: SKRSContext2D, product: ProductPosterContent) {
  ctx.save();
  roundedRect(ctx, MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE, 20);
  ctx.clip();
  ctx.fillStyle = PANEL;
  ctx.fillRect(MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE);
  if (product.image) drawCover(ctx, product.image, MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE);
  ctx.restore();

  // Left of the code: the name (two lines at most), the price, the shop.
  const textWidth = POSTER_WIDTH - MARGIN * 3 - 220;
  let y = PICTURE_Y + PICTURE_SIZE + 66;
  ctx.fillStyle = INK;
  ctx.font = `bold 34px ${FONT}`;
  for (const line of wrap(ctx, product.title, textWidth, 2)) {
    ctx.fillText(line, MARGIN, y);
    y += 48;
  }
  y += 40;
  ctx.fillStyle = PRICE_RED;
  ctx.font = `bold 30px ${FONT}`;
  ctx.fillText('¥', MARGIN, y);
  const signWidth = ctx.measureText('¥').width + 4;
  ctx.font = `bold 56px ${FONT}`;
  const amount = formatFen(product.priceFen);
  ctx.fillText(amount, MARGIN + signWidth, y);
  if (product.priceVaries) {
    const amountWidth = ctx.measureText(amount).width;
    ctx.font = `26px ${FONT}`;
    ctx.fillText('起', MARGIN + signWidth + amountWidth + 6, y);
  }
  ctx.fillStyle = MUTED;
  ctx.font = `24px ${FONT}`;
  ctx.fillText(fit(ctx, product.shopName, textWidth), MARGIN, POSTER_HEIGHT - MARGIN - 6);
}

function drawShop(ctx: SKRSContext2D, shop: ShopPosterContent) {
  const height = 640;
  roundedRect(ctx, MARGIN, PICTURE_Y, PICTURE_SIZE, height, 20);
  ctx.fillStyle = PANEL;
  ctx.fill();

  const logoSize = 180;
  const logoX = (POSTER_WIDTH - logoSize) / 2;
  const logoY = PICTURE_Y + 80;
  drawRoundPicture(ctx, shop.logo, shop.shopName, logoX, logoY, logoSize);

  ctx.textAlign = 'center';
  ctx.fillStyle = INK;
  ctx.font = `bold 48px ${FONT}`;
  ctx.fillText(fit(ctx, shop.shopName, PICTURE_SIZE - 80), POSTER_WIDTH / 2, logoY + logoSize + 90);
  if (shop.announcement) {
    ctx.fillStyle = '#595959';
    ctx.font = `28px ${FONT}`;
    let y = logoY + logoSize + 160;
    for (const line of wrap(ctx, shop.announcement, PICTURE_SIZE - 100, 3)) {
      ctx.fillText(line, POSTER_WIDTH / 2, y);
      y += 44;
    }
  }
  ctx.textAlign = 'left';

  const textY = PICTURE_Y + height + 110;
  ctx.fillStyle = INK;
  ctx.font = `bold 34px ${FONT}`;
  ctx.fillText('微信扫码，进店逛逛', MARGIN, textY);
  ctx.fillStyle = MUTED;
  ctx.font = `24px ${FONT}`;
  ctx.fillText('好物与会员优惠都在小程序里', MARGIN, textY + 50);
}

/** A round picture: the image cropped to a circle, or without one a badge with the name's first character. */
function drawRoundPicture(ctx: SKRSContext2D, image: Image | null, name: string, x: number, y: number, size: number) {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x + size / 2, y + size / 2, size / 2, 0, Math.PI * 2);
  ctx.clip();
  ctx.fillStyle = image ? '#ffffff' : PRICE_RED;
  ctx.fillRect(x, y, size, size);
  if (image) {
    drawCover(ctx, image, x, y, size, size);
  } else {
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${Math.round(size * 0.47)}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(Array.from(name)[0] ?? '', x + size / 2, y + size / 2 + 2);
  }
  ctx.restore();
}

/** Draws the image over the box, cropped to fill it (object-fit: cover). */
function drawCover(ctx: SKRSContext2D, image: Image, x: number, y: number, width: number, height: number) {
  const scale = Math.max(width / image.width, height / image.height);
  const sourceWidth = width / scale;
  const sourceHeight = height / scale;
  ctx.drawImage(image, (image.width - sourceWidth) / 2, (image.height - sourceHeight) / 2, sourceWidth, sourceHeight, x, y, width, height);
}

function roundedRect(ctx: SKRSContext2D, x: number, y: number, width: number, height: number, radius: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
}

/** The text cut to the width, with … when it had to be cut. */
function fit(ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const characters = Array.from(text);
  while (characters.length > 0 && ctx.measureText(`${characters.join('')}…`).width > width) characters.pop();
  return `${characters.join('')}…`;
}

/** Lines of at most `width`, broken at any character (Chinese has no spaces), the last one cut with …. */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  for (let index = 0; index < characters.length; index++) {
    const next = current + characters[index];
    if (ctx.measureText(next).width <= width) {
      current = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fit(ctx, characters.slice(index - Array.from(current).length).join(''), width));
      return lines;
    }
    lines.push(current);
    current = characters[index];
  }
  if (current) lines.push(current);
  return lines;
}

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

/** A group-buy team: the product, its group price against the list price, and how many seats are left. */
export interface TeamPosterContent {
  kind: 'team';
  shopName: string;
  title: string;
  groupPriceFen: number;
  listPriceFen: number;
  /** 「还差 N 人成团」, or the team's state once it has ended. */
  tagline: string;
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
  content: ProductPosterContent | TeamPosterContent | ShopPosterContent;
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
  drawSharer(ctx, sharer, SHARER_LINES[content.kind](content.shopName));
  if (content.kind === 'product') drawProduct(ctx, content);
  else if (content.kind === 'team') drawTeam(ctx, content);
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

const SHARER_LINES: Record<PosterDrawing['content']['kind'], (shopName: string) => string> = {
  product: () => '向你推荐一件好物',
  team: () => '邀你一起拼团，拼成更划算',
  shop: (shopName) => `邀你逛逛「${shopName}」`,
};

const PICTURE_Y = 150;
const PICTURE_SIZE = POSTER_WIDTH - MARGIN * 2;

/** Left of the code: the text's width. */
const TEXT_WIDTH = POSTER_WIDTH - MARGIN * 3 - 220;

/** The picture on top and the name below it (two lines at most); answers the baseline where the price goes. */
function drawPictureAndTitle(ctx: SKRSContext2D, image: Image | null, title: string): number {
  ctx.save();
  roundedRect(ctx, MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE, 20);
  ctx.clip();
  ctx.fillStyle = PANEL;
  ctx.fillRect(MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE);
  if (image) drawCover(ctx, image, MARGIN, PICTURE_Y, PICTURE_SIZE, PICTURE_SIZE);
  ctx.restore();

  let y = PICTURE_Y + PICTURE_SIZE + 66;
  ctx.fillStyle = INK;
  ctx.font = `bold 34px ${FONT}`;
  for (const line of wrap(ctx, title, TEXT_WIDTH, 2)) {
    ctx.fillText(line, MARGIN, y);
    y += 48;
  }
  return y + 40;
}

/** ¥ and the amount in red at (x, y); answers the x where the price ends. */
function drawPrice(ctx: SKRSContext2D, fen: number, x: number, y: number): number {
  ctx.fillStyle = PRICE_RED;
  ctx.font = `bold 30px ${FONT}`;
  ctx.fillText('¥', x, y);
  const signWidth = ctx.measureText('¥').width + 4;
  ctx.font = `bold 56px ${FONT}`;
  const amount = formatFen(fen);
  ctx.fillText(amount, x + signWidth, y);
  return x + signWidth + ctx.measureText(amount).width;
}

function drawShopName(ctx: SKRSContext2D, shopName: string) {
  ctx.fillStyle = MUTED;
  ctx.font = `24px ${FONT}`;
  ctx.fillText(fit(ctx, shopName, TEXT_WIDTH), MARGIN, POSTER_HEIGHT - MARGIN - 6);
}

function drawProduct(ctx: SKRSContext2D, product: ProductPosterContent) {
  const y = drawPictureAndTitle(ctx, product.image, product.title);
  const priceEnd = drawPrice(ctx, product.priceFen, MARGIN, y);
  if (product.priceVaries) {
    ctx.font = `26px ${FONT}`;
    ctx.fillText('起', priceEnd + 6, y);
  }
  drawShopName(ctx, product.shopName);
}

/** The group price with the list price crossed out beside it, and 「还差 N 人成团」 below. */
function drawTeam(ctx: SKRSContext2D, team: TeamPosterContent) {
  const y = drawPictureAndTitle(ctx, team.image, team.title);
  ctx.fillStyle = PRICE_RED;
  ctx.font = `bold 24px ${FONT}`;
  ctx.fillText('拼团价', MARGIN, y);
  const priceEnd = drawPrice(ctx, team.groupPriceFen, MARGIN + ctx.measureText('拼团价').width + 8, y);
  ctx.fillStyle = MUTED;
  ctx.font = `26px ${FONT}`;
  const list = `¥${formatFen(team.listPriceFen)}`;
  const listX = priceEnd + 14;
  ctx.fillText(list, listX, y);
  ctx.fillRect(listX, y - 9, ctx.measureText(list).width, 2);
  ctx.fillStyle = PRICE_RED;
  ctx.font = `bold 30px ${FONT}`;
  ctx.fillText(fit(ctx, team.tagline, TEXT_WIDTH), MARGIN, y + 56);
  drawShopName(ctx, team.shopName);
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

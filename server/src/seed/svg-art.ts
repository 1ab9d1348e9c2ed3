/**
 * Illustration-like SVG images for the demo store, generated locally: a colored background, a motif
 * (tea leaf, cup, snack, gift box) and the Chinese name. No outside URLs.
 */

export type Motif = 'leaf' | 'cup' | 'snack' | 'gift' | 'flower';

export interface Palette {
  from: string;
  to: string;
  accent: string;
  ink: string;
}

const FONT = "'PingFang SC','Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function motif(kind: Motif, palette: Palette, cx: number, cy: number, size: number): string {
  const s = size / 100;
  const t = `transform="translate(${cx - 50 * s} ${cy - 50 * s}) scale(${s})"`;
  switch (kind) {
    case 'leaf':
      return `<g ${t}><path d="M50 5 C85 20 95 60 50 95 C5 60 15 20 50 5Z" fill="${palette.accent}"/>
<path d="M50 12 L50 90 M50 35 L68 24 M50 52 L72 40 M50 35 L32 24 M50 52 L28 40 M50 70 L66 60 M50 70 L34 60" stroke="${palette.from}" stroke-width="3" fill="none" stroke-linecap="round"/></g>`;
    case 'cup':
      return `<g ${t}><path d="M18 40 H76 V62 C76 80 62 90 47 90 C32 90 18 80 18 62Z" fill="${palette.accent}"/>
<path d="M76 48 C92 48 92 70 76 70" stroke="${palette.accent}" stroke-width="6" fill="none"/>
<path d="M34 30 C30 22 40 18 36 8 M50 30 C46 22 56 18 52 8 M66 30 C62 22 72 18 68 8" stroke="${palette.accent}" stroke-width="4" fill="none" stroke-linecap="round" opacity="0.7"/>
<ellipse cx="47" cy="93" rx="36" ry="5" fill="${palette.ink}" opacity="0.15"/></g>`;
    case 'snack':
      return `<g ${t}><circle cx="36" cy="58" r="26" fill="${palette.accent}"/><circle cx="66" cy="46" r="22" fill="${palette.accent}" opacity="0.8"/>
<circle cx="30" cy="52" r="3" fill="${palette.from}"/><circle cx="42" cy="64" r="3" fill="${palette.from}"/><circle cx="66" cy="40" r="3" fill="${palette.from}"/>
<circle cx="72" cy="52" r="3" fill="${palette.from}"/><circle cx="38" cy="48" r="3" fill="${palette.from}"/></g>`;
    case 'gift':
      return `<g ${t}><rect x="14" y="36" width="72" height="54" rx="6" fill="${palette.accent}"/><rect x="10" y="26" width="80" height="16" rx="4" fill="${palette.accent}" opacity="0.85"/>
<rect x="45" y="26" width="10" height="64" fill="${palette.from}"/><path d="M50 26 C38 8 22 14 30 26 M50 26 C62 8 78 14 70 26" stroke="${palette.accent}" stroke-width="6" fill="none"/></g>`;
    case 'flower':
      return `<g ${t}>${[0, 72, 144, 216, 288]
        .map((angle) => `<ellipse cx="50" cy="28" rx="14" ry="22" fill="${palette.accent}" opacity="0.85" transform="rotate(${angle} 50 50)"/>`)
        .join('')}<circle cx="50" cy="50" r="12" fill="${palette.from}"/></g>`;
  }
}

function background(id: string, palette: Palette, width: number, height: number): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.from}"/><stop offset="1" stop-color="${palette.to}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#${id})"/>
<circle cx="${width * 0.88}" cy="${height * 0.12}" r="${Math.min(width, height) * 0.22}" fill="#fff" opacity="0.18"/>
<circle cx="${width * 0.08}" cy="${height * 0.92}" r="${Math.min(width, height) * 0.3}" fill="#fff" opacity="0.12"/>`;
}

/** Square product picture (750×750): motif, name and brand. */
export function productArt(name: string, subtitle: string, brand: string, kind: Motif, palette: Palette, variant = 0): string {
  const cy = 300 + (variant % 2) * 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="750" viewBox="0 0 750 750">
${background('bg', palette, 750, 750)}
${motif(kind, palette, 375, cy, 300 - variant * 30)}
<text x="375" y="560" text-anchor="middle" font-family="${FONT}" font-size="58" font-weight="700" fill="${palette.ink}">${escapeXml(name)}</text>
<text x="375" y="620" text-anchor="middle" font-family="${FONT}" font-size="30" fill="${palette.ink}" opacity="0.75">${escapeXml(subtitle)}</text>
<text x="375" y="700" text-anchor="middle" font-family="${FONT}" font-size="26" letter-spacing="8" fill="${palette.ink}" opacity="0.55">${escapeXml(brand)}</text>
</svg>`;
}

/** Wide home banner (750×320). */
export function bannerArt(title: string, tagline: string, kind: Motif, palette: Palette): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="320" viewBox="0 0 750 320">
${background('bg', palette, 750, 320)}
${motif(kind, palette, 590, 160, 230)}
<text x="56" y="150" font-family="${FONT}" font-size="56" font-weight="700" fill="${palette.ink}">${escapeXml(title)}</text>
<text x="58" y="210" font-family="${FONT}" font-size="28" fill="${palette.ink}" opacity="0.8">${escapeXml(tagline)}</text>
</svg>`;
}

/** Round category icon (160×160) with the category's first character. */
export function categoryIconArt(name: string, palette: Palette): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
<circle cx="80" cy="80" r="76" fill="${palette.from}"/><circle cx="80" cy="80" r="60" fill="${palette.accent}" opacity="0.35"/>
<text x="80" y="100" text-anchor="middle" font-family="${FONT}" font-size="58" font-weight="700" fill="${palette.ink}">${escapeXml(name.slice(0, 1))}</text>
</svg>`;
}

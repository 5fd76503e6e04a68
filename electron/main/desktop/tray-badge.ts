// The running-job count drawn on the tray icon itself (Windows and most Linux trays show no text beside the
// icon): a red pill in the bottom-right corner with white digits from a 3x5 pixel font, scaled with the icon.
// Pure pixels in, pixels out, so it is tested without Electron; platform/tray.ts feeds nativeImage bitmaps.

export interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** 4 bytes a pixel, in `order`. */
  readonly pixels: Buffer;
}

/** nativeImage.toBitmap() gives Skia's native order, BGRA on the little-endian machines Electron runs on. */
export type PixelOrder = 'rgba' | 'bgra';

const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
};

const BADGE_RGB = [220, 38, 38] as const;
const TEXT_RGB = [255, 255, 255] as const;

/** What the badge says: the count, or "9+" beyond what fits. */
export function badgeText(count: number): string {
  return count > 9 ? '9+' : String(count);
}

/** A copy of `icon` with `count` drawn on it; the icon itself when the count is 0. */
export function drawBadge(icon: Bitmap, count: number, order: PixelOrder): Bitmap {
  if (count <= 0) return icon;
  const pixels = Buffer.from(icon.pixels);
  const put = (x: number, y: number, [r, g, b]: readonly [number, number, number]) => {
    if (x < 0 || y < 0 || x >= icon.width || y >= icon.height) return;
    const at = (y * icon.width + x) * 4;
    pixels[at] = order === 'rgba' ? r : b;
    pixels[at + 1] = g;
    pixels[at + 2] = order === 'rgba' ? b : r;
    pixels[at + 3] = 255;
  };

  const text = badgeText(count);
  const scale = Math.max(1, Math.floor(Math.min(icon.width, icon.height) / 16));
  const textWidth = (text.length * 4 - 1) * scale;
  const width = textWidth + 2 * scale;
  const height = 7 * scale;
  const left = icon.width - width;
  const top = icon.height - height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Clip the four corner pixels (of each scale block) for a rounded look.
      const cornerX = x < scale || x >= width - scale;
      const cornerY = y < scale || y >= height - scale;
      if (!(cornerX && cornerY)) put(left + x, top + y, BADGE_RGB);
    }
  }
  [...text].forEach((char, index) => {
    const glyph = GLYPHS[char] ?? [];
    glyph.forEach((row, gy) => {
      [...row].forEach((bit, gx) => {
        if (bit !== '1') return;
        for (let sy = 0; sy < scale; sy++) {
          for (let sx = 0; sx < scale; sx++) {
            put(left + scale + (index * 4 + gx) * scale + sx, top + scale + gy * scale + sy, TEXT_RGB);
          }
        }
      });
    });
  });
  return { width: icon.width, height: icon.height, pixels };
}

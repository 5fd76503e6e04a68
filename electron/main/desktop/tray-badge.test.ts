import { describe, expect, it } from 'vitest';
import { type Bitmap, badgeText, drawBadge } from './tray-badge';

function blank(size: number): Bitmap {
  return { width: size, height: size, pixels: Buffer.alloc(size * size * 4) };
}
const pixel = (bitmap: Bitmap, x: number, y: number) => [
  ...bitmap.pixels.subarray((y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 4),
];

describe('the tray badge', () => {
  it('leaves the icon as it is when nothing runs', () => {
    const icon = blank(16);
    expect(drawBadge(icon, 0, 'bgra')).toBe(icon);
  });

  it('draws a red pill with white digits in the bottom-right corner, without touching the input', () => {
    const icon = blank(16);
    const drawn = drawBadge(icon, 3, 'rgba');
    expect(icon.pixels.every((byte) => byte === 0)).toBe(true);
    expect(pixel(drawn, 0, 0)).toEqual([0, 0, 0, 0]); // the icon's top-left is untouched
    // "3" is glyph row 0 = '111': its first pixel sits one pixel in from the pill's left and top.
    const left = 16 - (3 + 2);
    const top = 16 - 7;
    expect(pixel(drawn, left + 1, top + 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(drawn, left + 1, top + 2)).toEqual([220, 38, 38, 255]); // '3' row 1 = '001': red behind
  });

  it('writes BGRA order for nativeImage bitmaps and scales with the icon', () => {
    const drawn = drawBadge(blank(32), 1, 'bgra');
    const redPixels = [];
    for (let index = 0; index < 32 * 32; index++) {
      const [b, g, r, a] = drawn.pixels.subarray(index * 4, index * 4 + 4);
      if (b === 38 && g === 38 && r === 220 && a === 255) redPixels.push(index);
    }
    expect(redPixels.length).toBeGreaterThan(40); // a 2x pill: 10 x 14 minus corners and the digit
  });

  it('says 9+ beyond nine', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(12)).toBe('9+');
    const drawn = drawBadge(blank(16), 12, 'rgba');
    expect(drawn.pixels.equals(drawBadge(blank(16), 10, 'rgba').pixels)).toBe(true);
    expect(drawn.pixels.equals(drawBadge(blank(16), 9, 'rgba').pixels)).toBe(false);
  });
});

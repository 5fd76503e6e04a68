#!/usr/bin/env node
// Draws the app icon from a few shapes and writes every format the installers need into resources/:
//   icon.svg (the source a designer can edit), icon.png (512), icon.ico (16-256), tray.png (16), tray@2x.png (32).
// The same shape list produces the SVG and the bitmaps, so they never drift. Run: `npm run icons`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { REPO_ROOT } from './lib/tool-paths.mjs';

const CANVAS = 512;
// A VM window with a red "delete" badge, on the app's blue. Coordinates are on a 512 canvas.
const SHAPES = [
  { kind: 'roundRect', x: 32, y: 32, w: 448, h: 448, r: 96, color: '#2563eb' },
  { kind: 'roundRect', x: 104, y: 120, w: 304, h: 224, r: 28, color: '#ffffff' },
  { kind: 'roundRect', x: 104, y: 120, w: 304, h: 56, r: 28, color: '#bfdbfe' },
  { kind: 'roundRect', x: 104, y: 148, w: 304, h: 28, r: 0, color: '#bfdbfe' },
  { kind: 'roundRect', x: 144, y: 208, w: 176, h: 24, r: 12, color: '#93c5fd' },
  { kind: 'roundRect', x: 144, y: 256, w: 128, h: 24, r: 12, color: '#93c5fd' },
  { kind: 'circle', cx: 372, cy: 372, r: 100, color: '#ffffff' },
  { kind: 'circle', cx: 372, cy: 372, r: 84, color: '#dc2626' },
  { kind: 'line', x1: 334, y1: 334, x2: 410, y2: 410, width: 30, color: '#ffffff' },
  { kind: 'line', x1: 410, y1: 334, x2: 334, y2: 410, width: 30, color: '#ffffff' },
];

function inside(shape, px, py) {
  switch (shape.kind) {
    case 'circle':
      return (px - shape.cx) ** 2 + (py - shape.cy) ** 2 <= shape.r ** 2;
    case 'roundRect': {
      // Distance from the rectangle shrunk by the radius, compared with the radius.
      const dx = Math.max(shape.x + shape.r - px, 0, px - (shape.x + shape.w - shape.r));
      const dy = Math.max(shape.y + shape.r - py, 0, py - (shape.y + shape.h - shape.r));
      const inBox = px >= shape.x && px <= shape.x + shape.w && py >= shape.y && py <= shape.y + shape.h;
      return inBox && dx * dx + dy * dy <= shape.r * shape.r;
    }
    case 'line': {
      // A thick segment with round caps: distance from the segment within half the width.
      const vx = shape.x2 - shape.x1;
      const vy = shape.y2 - shape.y1;
      const t = Math.max(0, Math.min(1, ((px - shape.x1) * vx + (py - shape.y1) * vy) / (vx * vx + vy * vy)));
      return (px - shape.x1 - t * vx) ** 2 + (py - shape.y1 - t * vy) ** 2 <= (shape.width / 2) ** 2;
    }
    default:
      throw new Error(`unknown shape ${shape.kind}`);
  }
}

function hexToRgb(hex) {
  return [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
}

/** Renders the shapes at size x size, 4x4 supersampled, as straight (non-premultiplied) RGBA. */
function render(size) {
  const samples = 4;
  const scale = CANVAS / size;
  const pixels = Buffer.alloc(size * size * 4);
  const colors = SHAPES.map((shape) => hexToRgb(shape.color));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples) * scale;
          const py = (y + (sy + 0.5) / samples) * scale;
          // The topmost shape covering the sample decides its colour.
          for (let i = SHAPES.length - 1; i >= 0; i--) {
            if (inside(SHAPES[i], px, py)) {
              const [r, g, b] = colors[i];
              sum[0] += r;
              sum[1] += g;
              sum[2] += b;
              sum[3] += 1;
              break;
            }
          }
        }
      }
      const offset = (y * size + x) * 4;
      if (sum[3] > 0) {
        pixels[offset] = Math.round(sum[0] / sum[3]);
        pixels[offset + 1] = Math.round(sum[1] / sum[3]);
        pixels[offset + 2] = Math.round(sum[2] / sum[3]);
        pixels[offset + 3] = Math.round((255 * sum[3]) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method variants, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are PNG images (supported since Windows Vista, accepted by electron-builder). */
function encodeIco(pngsBySize) {
  const entries = [...pngsBySize.entries()];
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

function toSvg() {
  const elements = SHAPES.map((shape) => {
    switch (shape.kind) {
      case 'circle':
        return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.color}"/>`;
      case 'roundRect':
        return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${shape.r}" fill="${shape.color}"/>`;
      default:
        return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.color}" stroke-width="${shape.width}" stroke-linecap="round"/>`;
    }
  });
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CANVAS} ${CANVAS}" width="${CANVAS}" height="${CANVAS}">`;
  return `${open}\n  <title>Hyper-V VM Deleter</title>\n  ${elements.join('\n  ')}\n</svg>\n`;
}

const resources = join(REPO_ROOT, 'resources');
const png = (size) => encodePng(size, render(size));
writeFileSync(join(resources, 'icon.svg'), toSvg());
writeFileSync(join(resources, 'icon.png'), png(512));
writeFileSync(join(resources, 'icon.ico'), encodeIco(new Map([16, 24, 32, 48, 64, 128, 256].map((s) => [s, png(s)]))));
writeFileSync(join(resources, 'tray.png'), png(16));
writeFileSync(join(resources, 'tray@2x.png'), png(32));
console.log('icons: wrote resources/icon.svg, icon.png, icon.ico, tray.png, tray@2x.png');

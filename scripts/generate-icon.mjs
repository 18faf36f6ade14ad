// Draws the extension icon (images/icon.png, 128x128): a white medical cross
// over an amber "squiggle" underline on a teal rounded square. Plain Node (zlib),
// so the icon can be regenerated anywhere: node scripts/generate-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// The squiggle: a sine wave as a polyline, stroked.
const WAVE = [];
for (let i = 0; i <= 80; i++) {
  const x = 30 + (68 * i) / 80;
  WAVE.push([x, 100 + 5 * Math.sin(((x - 30) / 68) * Math.PI * 4)]);
}
function distanceToWave(x, y) {
  let best = Infinity;
  for (let i = 1; i < WAVE.length; i++) {
    const [ax, ay] = WAVE[i - 1];
    const [bx, by] = WAVE[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

const TEAL_TOP = [20, 150, 140];
const TEAL_BOTTOM = [12, 92, 110];
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36];

/** The colour (RGBA, straight alpha) of one sample point. */
function sample(x, y) {
  if (roundedRect(x, y, 64, 64, 62, 62, 24) > 0) return [0, 0, 0, 0];
  const t = y / SIZE;
  let colour = TEAL_TOP.map((c, i) => c + (TEAL_BOTTOM[i] - c) * t);
  const cross = Math.min(roundedRect(x, y, 64, 52, 11, 32, 5), roundedRect(x, y, 64, 52, 32, 11, 5));
  if (cross <= 0) colour = WHITE;
  if (distanceToWave(x, y) <= 4.5) colour = AMBER;
  return [...colour, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const at = py * (SIZE * 4 + 1) + 1 + px * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let c = 0; c < 3; c++) raw[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
    raw[at + 3] = Math.round(alpha);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);

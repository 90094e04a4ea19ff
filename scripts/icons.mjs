/**
 * Regenerates the app icons in public/ from public/icon.svg (run by hand after changing the SVG; the outputs are
 * committed, so builds need neither this script nor sharp): PNGs for the manifest and Apple devices, a maskable PNG
 * (full-bleed background, the drawing inside the 80 % safe zone) and favicon.ico holding 16, 32 and 48 px PNGs.
 * sharp is the image library Next itself installs; no download, no network.
 *
 *   node scripts/icons.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from './lib.mjs';

const PUBLIC = join(ROOT, 'public');
const svg = readFileSync(join(PUBLIC, 'icon.svg'));
const png = (size, input = svg) =>
  sharp(input, { density: Math.max(72, Math.ceil((72 * size) / 64)) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

// Maskable: platforms crop to a circle or squircle, so the background fills the square and the lanes sit well inside.
const inner = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8')
  .replace(/<svg[^>]*>/, '')
  .replace('</svg>', '');
const maskable = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0f766e"/>` +
    `<g transform="translate(6.4 6.4) scale(0.8)">${inner}</g></svg>`,
);

/** An ICO whose images are PNGs (every browser since IE Vista-era reads them). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, data }, i) => {
    const o = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, o);
    dir.writeUInt8(size >= 256 ? 0 : size, o + 1);
    dir.writeUInt8(0, o + 2); // no palette
    dir.writeUInt8(0, o + 3);
    dir.writeUInt16LE(1, o + 4); // colour planes
    dir.writeUInt16LE(32, o + 6); // bits per pixel
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.data)]);
}

const out = {
  'icon-192.png': await png(192),
  'icon-512.png': await png(512),
  'icon-maskable-512.png': await png(512, maskable),
  'apple-touch-icon.png': await png(180, maskable),
  'favicon.ico': ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) })))),
};
for (const [name, data] of Object.entries(out)) {
  writeFileSync(join(PUBLIC, name), data);
  console.log(`public/${name}: ${data.length} bytes`);
}

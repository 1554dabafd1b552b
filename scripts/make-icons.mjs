// Draws Pregón's icon (a megaphone on a rounded square in university blue) and writes assets/icon.svg plus the
// PNG sizes the manifest references. No image library: the shapes are tested per sample point (8×8 samples per
// pixel for anti-aliasing) and the PNG is encoded by hand (zlib is in Node). Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const assetsDir = join(repoRoot, "assets");
export const ICON_SIZES = [16, 32, 64, 80, 128];

// Geometry in a 128×128 design space; every size is rendered from it, and so is the SVG.
const VIEW = 128;
const BLUE = [0x1b, 0x4f, 0x9c];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf4, 0xc4, 0x30];
const background = { x: 4, y: 4, size: 120, radius: 26 };
/** The horn: a mouthpiece on the left widening to the bell on the right. */
const horn = [
  [26, 55],
  [44, 55],
  [80, 32],
  [80, 96],
  [44, 73],
  [26, 73],
];
/** The handle under the mouthpiece. */
const handle = [
  [42, 73],
  [54, 73],
  [58, 94],
  [46, 94],
];
/** Sound waves leaving the bell: arcs around (80, 64). */
const waveCentre = [80, 64];
const waves = [
  { radius: 17, width: 8, halfAngle: 42 },
  { radius: 32, width: 8, halfAngle: 42 },
];

function insideRoundedSquare(x, y, { x: left, y: top, size, radius }) {
  if (x < left || y < top || x > left + size || y > top + size) return false;
  const cx = Math.min(Math.max(x, left + radius), left + size - radius);
  const cy = Math.min(Math.max(y, top + radius), top + size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A stroked arc with round caps, symmetric about the horizontal axis, opening to the right. */
function insideWave(x, y, { radius, width, halfAngle }) {
  const dx = x - waveCentre[0];
  const dy = y - waveCentre[1];
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  if (Math.abs(angle) <= halfAngle) return Math.abs(Math.hypot(dx, dy) - radius) <= width / 2;
  const capAngle = ((Math.sign(angle) * halfAngle) / 180) * Math.PI;
  const capX = waveCentre[0] + radius * Math.cos(capAngle);
  const capY = waveCentre[1] + radius * Math.sin(capAngle);
  return (x - capX) ** 2 + (y - capY) ** 2 <= (width / 2) ** 2;
}

/** The colour at a design-space point, or null where the icon is transparent. Later shapes paint over earlier. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, background)) return null;
  if (waves.some((wave) => insideWave(x, y, wave))) return GOLD;
  if (insidePolygon(x, y, horn) || insidePolygon(x, y, handle)) return WHITE;
  return BLUE;
}

/** RGBA pixels (non-premultiplied), anti-aliased by averaging samples × samples points per pixel. */
export function renderIcon(size, samples = 8) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = VIEW / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(red / covered);
        pixels[offset + 1] = Math.round(green / covered);
        pixels[offset + 2] = Math.round(blue / covered);
        pixels[offset + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** The same drawing as vector source, for anyone who needs another size. */
export function iconSvg() {
  const points = (shape) => shape.map(([x, y]) => `${x},${y}`).join(" ");
  const arc = ({ radius, width, halfAngle }) => {
    const radians = (halfAngle * Math.PI) / 180;
    const x = +(waveCentre[0] + radius * Math.cos(radians)).toFixed(3);
    const dy = +(radius * Math.sin(radians)).toFixed(3);
    const path = `M${x},${waveCentre[1] - dy} A${radius},${radius} 0 0 1 ${x},${waveCentre[1] + dy}`;
    return `  <path d="${path}" fill="none" stroke="${hex(GOLD)}" stroke-width="${width}" stroke-linecap="round"/>`;
  };
  const { x, y, size, radius } = background;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${VIEW}" height="${VIEW}" viewBox="0 0 ${VIEW} ${VIEW}">`,
    "  <title>Pregón</title>",
    `  <rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${radius}" fill="${hex(BLUE)}"/>`,
    `  <polygon points="${points(horn)}" fill="${hex(WHITE)}"/>`,
    `  <polygon points="${points(handle)}" fill="${hex(WHITE)}"/>`,
    ...waves.map(arc),
    "</svg>",
    "",
  ].join("\n");
}

function main() {
  mkdirSync(assetsDir, { recursive: true });
  writeFileSync(join(assetsDir, "icon.svg"), iconSvg());
  console.log("wrote assets/icon.svg");
  for (const size of ICON_SIZES) {
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(join(assetsDir, `icon-${size}.png`), png);
    console.log(`wrote assets/icon-${size}.png (${size}×${size}, ${png.length} bytes)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

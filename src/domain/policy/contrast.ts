// Text whose colour stands out too little from its background, measured as WCAG 2 defines it (relative
// luminance and contrast ratio, success criterion 1.4.3 "Contrast (Minimum)", level AA).
import type { Rgba } from "./cssColor";
import { over, parseCssColor, toHex } from "./cssColor";
import type { StyledText } from "./htmlScan";

/** WCAG 2 level AA minimum for normal text. */
export const MIN_CONTRAST_NORMAL = 4.5;
/** WCAG 2 level AA minimum for large text: at least 18 pt, or at least 14 pt and bold. */
export const MIN_CONTRAST_LARGE = 3;

/** What a mail client paints when the message says nothing: black text on white. */
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/** WCAG 2 relative luminance of an sRGB colour (0 for black, 1 for white). */
export function relativeLuminance(c: Rgba): number {
  const linear = (v: number) => {
    const s = v / 255;
    // WCAG 2 writes the threshold as 0.03928, sRGB as 0.04045; no 8-bit value lies between them.
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** WCAG 2 contrast ratio, (lighter + 0.05) / (darker + 0.05): from 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A CSS font size in points, when it is given in pt or px (96 px = 72 pt); undefined for em, %, keywords… */
export function pointsOf(fontSize: string | undefined): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)\s*(pt|px)$/i.exec(fontSize?.trim() ?? "");
  if (!m) return undefined;
  const value = parseFloat(m[1] ?? "");
  return m[2]?.toLowerCase() === "pt" ? value : (value * 72) / 96;
}

/**
 * WCAG's "large scale" text. A size the scan cannot turn into points (em, %, a heading's default) counts as normal
 * text: the stricter minimum, so a finding may be one a reader would not need, never the other way round.
 */
export function isLargeText(fontSize: string | undefined, bold: boolean): boolean {
  const points = pointsOf(fontSize);
  return points !== undefined && (points >= 18 || (bold && points >= 14));
}

export interface LowContrastFinding {
  /** The first text shown in these colours (shortened), so the professional can find it. */
  where: string;
  /** "#rrggbb", after painting a translucent colour over what is behind it. */
  foreground: string;
  background: string;
  /** The contrast ratio, rounded down to two decimals (4.499 is shown as 4.49, never as a passing 4.5). */
  ratio: number;
  /** The minimum it misses: 4.5, or 3 for large text. */
  required: number;
  /** How many pieces of text use these colours. */
  occurrences: number;
}

const SAMPLE_CHARS = 60;

function sample(text: string): string {
  return text.length <= SAMPLE_CHARS ? text : `${text.slice(0, SAMPLE_CHARS - 1)}…`;
}

/**
 * Text in colours set by the message (inline `color`, `background-color`/`background`, `<font color>`, `bgcolor`)
 * that miss WCAG's minimum contrast, one finding per pair of colours. Text with no colour of its own is black and
 * a missing background is white (what mail clients show); a colour the scan cannot read, or text over a background
 * image, is skipped. A translucent
 * background is painted over white, since the one behind it is not tracked.
 */
export function findLowContrast(pieces: readonly StyledText[]): LowContrastFinding[] {
  const byColours = new Map<string, LowContrastFinding>();
  for (const piece of pieces) {
    if (piece.color === undefined && piece.background === undefined) continue;
    // Text over an image or gradient: what it is read against is not known.
    if (piece.background === null) continue;
    const backgroundValue = piece.background === undefined ? WHITE : parseCssColor(piece.background);
    const colorValue = piece.color === undefined ? BLACK : parseCssColor(piece.color);
    if (backgroundValue === undefined || colorValue === undefined) continue;
    const background = over(backgroundValue, WHITE);
    const foreground = over(colorValue, background);
    const ratio = contrastRatio(foreground, background);
    const required = isLargeText(piece.fontSize, piece.bold) ? MIN_CONTRAST_LARGE : MIN_CONTRAST_NORMAL;
    if (ratio >= required) continue;
    const key = `${toHex(foreground)}/${toHex(background)}/${required}`;
    const known = byColours.get(key);
    if (known) known.occurrences++;
    else
      byColours.set(key, {
        where: sample(piece.text),
        foreground: toHex(foreground),
        background: toHex(background),
        ratio: Math.floor(ratio * 100) / 100,
        required,
        occurrences: 1,
      });
  }
  return [...byColours.values()];
}

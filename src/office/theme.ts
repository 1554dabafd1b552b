// Light or dark, from Office's theme colours (Outlook does not implement officeTheme.isDarkTheme).
import type { ThemeKind } from "../ports/mailHost";

/** Relative luminance (WCAG) of "#rgb" or "#rrggbb", or undefined when the colour is not one of those. */
export function luminance(color: string): number | undefined {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when the pane's body background is dark. The threshold sits where black and white text have equal
 * contrast on the background (luminance ≈ 0.18), so mid greys ("Dark Gray" themes) count as dark.
 */
export function themeFromBackground(bodyBackgroundColor: string | undefined): ThemeKind | undefined {
  const value = bodyBackgroundColor === undefined ? undefined : luminance(bodyBackgroundColor);
  if (value === undefined) return undefined;
  return value < 0.18 ? "dark" : "light";
}

/** The web view's own preference, for clients without Office theme support. */
export function themeFromMediaQuery(): ThemeKind {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return "light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

// Case- and accent-insensitive matching without losing positions: every UTF-16 unit maps to exactly one
// unit, so an index found in the folded text is the same index in the original text.

const cache = new Map<string, string>();

function foldUnit(unit: string): string {
  const cached = cache.get(unit);
  if (cached !== undefined) return cached;
  const lower = unit.toLowerCase();
  // Some characters lower-case to two units (e.g. "İ"); keep them as they are so lengths stay equal.
  const base = lower.length === 1 ? (lower.normalize("NFD")[0] ?? lower) : unit;
  cache.set(unit, base);
  return base;
}

/** Lower-cases and strips accents ("Envío" → "envio", "Mañana" → "manana"), keeping the length. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charAt(i));
  return out;
}

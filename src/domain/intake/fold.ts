// Case- and accent-insensitive matching without losing positions: every UTF-16 unit maps to exactly one
// unit, so an index found in the folded text is the same index in the original text.

const cache = new Map<number, number>();

function foldUnit(code: number): number {
  // ASCII, by far the most common: only capitals change.
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  const unit = String.fromCharCode(code);
  const lower = unit.toLowerCase();
  // Some characters lower-case to two units (e.g. "İ"); keep them as they are so lengths stay equal.
  const base = lower.length === 1 ? (lower.normalize("NFD")[0] ?? lower) : unit;
  const folded = base.charCodeAt(0);
  cache.set(code, folded);
  return folded;
}

/** Units turned back into a string per call of String.fromCharCode (well under engines' argument limits). */
const CHUNK = 8192;

/**
 * Lower-cases and strips accents ("Envío" → "envio", "Mañana" → "manana"), keeping the length. One pass over
 * unit codes, joined in chunks: appending unit by unit would build a million-node rope for a 1 MB request.
 */
export function fold(text: string): string {
  const pieces: string[] = [];
  const codes = new Array<number>(Math.min(CHUNK, text.length));
  for (let start = 0; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) codes[i - start] = foldUnit(text.charCodeAt(i));
    pieces.push(String.fromCharCode(...codes));
  }
  return pieces.join("");
}

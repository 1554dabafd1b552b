// JSON.parse with a location on failure, so the error screen can say "line 12, column 5" for a missing comma.
// Engines word their errors differently: V8 reports "at position N" (newer versions also "line L column C"),
// Firefox "at line L column C"; Safari reports no position at all, and then none is given.

export type JsonTextResult =
  { ok: true; value: unknown } | { ok: false; reason: string; line?: number; column?: number };

/** 1-based line and column of a character offset. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function locate(text: string, message: string): { line?: number; column?: number } {
  const lineCol = /line (\d+) column (\d+)/i.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/i.exec(message);
  if (position) return lineColumn(text, Number(position[1]));
  if (/unexpected end/i.test(message)) return lineColumn(text, text.length);
  return {};
}

/** Parses JSON text; a leading byte-order mark (left by some Windows editors) is ignored. */
export function parseJsonText(raw: string): JsonTextResult {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, reason, ...locate(text, reason) };
  }
}

// Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Graph sends seconds; accept both.

/** The wait the server asked for, in milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

// Client paging ($top/$skip) and server continuation (@odata.nextLink with an opaque $skiptoken).
import { badRequest } from "../errors";

export interface PageRequest {
  top: number;
  offset: number;
  /** The listing snapshot a continuation token names (see state/listings.ts), if any. */
  snapshot?: string;
}

export function parsePaging(params: URLSearchParams, defaults: { top: number; max: number }): PageRequest {
  const top = parseIntOption(params.get("$top"), "$top") ?? defaults.top;
  if (top < 1 || top > defaults.max) {
    throw badRequest("ErrorInvalidUrlQuery", `The value of $top must be between 1 and ${defaults.max}.`);
  }
  const token = params.get("$skiptoken");
  if (token !== null) return { top, ...decodeSkipToken(token) };
  return { top, offset: parseIntOption(params.get("$skip"), "$skip") ?? 0 };
}

function parseIntOption(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw badRequest("BadRequest", `Invalid value '${value}' for query option ${name}.`);
  return Number(value.trim());
}

/** The token only has to round-trip through the emulator; clients must treat it as opaque. */
export function encodeSkipToken(offset: number, snapshot?: string): string {
  const text = snapshot === undefined ? `skip=${offset};v=1` : `skip=${offset};v=1;s=${snapshot}`;
  return btoa(text).replace(/=+$/, "");
}

function decodeSkipToken(token: string): { offset: number; snapshot?: string } {
  try {
    const match = /^skip=(\d+);v=1(?:;s=([a-z0-9]+))?$/.exec(atob(token));
    if (match)
      return match[2] ? { offset: Number(match[1]), snapshot: match[2] } : { offset: Number(match[1]) };
  } catch {
    // falls through to the error below
  }
  throw badRequest("BadRequest", "The $skiptoken is not valid.");
}

/**
 * The full URL of the next page: every original option kept, $skip replaced by the continuation token.
 * Option names keep their literal "$", as Graph writes them.
 */
export function nextLinkFor(url: URL, nextOffset: number, snapshot?: string): string {
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key !== "$skip" && key !== "$skiptoken") parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(nextOffset, snapshot)}`);
  return `${url.origin}${url.pathname}?${parts.join("&")}`;
}

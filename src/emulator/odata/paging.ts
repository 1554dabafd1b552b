// Client paging ($top/$skip) and server continuation (@odata.nextLink with an opaque $skiptoken).
import { badRequest } from "../errors";

export interface PageRequest {
  top: number;
  offset: number;
}

export function parsePaging(params: URLSearchParams, defaults: { top: number; max: number }): PageRequest {
  const top = parseIntOption(params.get("$top"), "$top") ?? defaults.top;
  if (top < 1 || top > defaults.max) {
    throw badRequest("ErrorInvalidUrlQuery", `The value of $top must be between 1 and ${defaults.max}.`);
  }
  const token = params.get("$skiptoken");
  const offset =
    token !== null ? decodeSkipToken(token) : (parseIntOption(params.get("$skip"), "$skip") ?? 0);
  return { top, offset };
}

function parseIntOption(value: string | null, name: string): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw badRequest("BadRequest", `Invalid value '${value}' for query option ${name}.`);
  return Number(value.trim());
}

/** The token only has to round-trip through the emulator; clients must treat it as opaque. */
export function encodeSkipToken(offset: number): string {
  return btoa(`skip=${offset};v=1`).replace(/=+$/, "");
}

function decodeSkipToken(token: string): number {
  try {
    const match = /^skip=(\d+);v=1$/.exec(atob(token));
    if (match) return Number(match[1]);
  } catch {
    // falls through to the error below
  }
  throw badRequest("BadRequest", "The $skiptoken is not valid.");
}

/**
 * The full URL of the next page: every original option kept, $skip replaced by the continuation token.
 * Option names keep their literal "$", as Graph writes them.
 */
export function nextLinkFor(url: URL, nextOffset: number): string {
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key !== "$skip" && key !== "$skiptoken") parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(nextOffset)}`);
  return `${url.origin}${url.pathname}?${parts.join("&")}`;
}

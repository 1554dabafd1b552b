// Small OData helpers: string literals and query strings, encoded once, here.
//
// The Graph client does not encode query values, so the adapter builds the query string itself: every value
// goes through encodeURIComponent (spaces, quotes, colons, slashes, braces and `+` in dates and ids would
// otherwise reach Graph mangled), while the `$` keys stay literal so the client still recognises them.

/** An OData string literal: single quotes doubled, per the OData ABNF. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type QueryParams = Readonly<Record<string, string | number | undefined>>;

/** "?$a=…&$b=…" with encoded values; empty string when every value is undefined. */
export function queryString(params: QueryParams): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

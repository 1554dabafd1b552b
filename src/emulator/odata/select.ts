// $select: which properties of an entity to return. Graph always returns id (and @odata.etag for Outlook
// items) and refuses names the type does not have.
import { uriParseError } from "../errors";

/** Canonical names selected, or null when $select is absent (default projection). */
export function parseSelect(
  text: string | null,
  allowed: readonly string[],
  typeName: string,
): string[] | null {
  if (text === null) return null;
  const byLower = new Map(allowed.map((name) => [name.toLowerCase(), name]));
  const names: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    if (name.length === 0) continue;
    const canonical = byLower.get(name.toLowerCase());
    if (!canonical) throw uriParseError(`Could not find a property named '${name}' on type '${typeName}'.`);
    if (!names.includes(canonical)) names.push(canonical);
  }
  return names;
}

export function applySelect(
  full: Record<string, unknown>,
  selected: readonly string[] | null,
  always: readonly string[],
): Record<string, unknown> {
  if (selected === null) return full;
  const out: Record<string, unknown> = {};
  for (const key of always) if (key in full) out[key] = full[key];
  for (const key of selected) if (key in full) out[key] = full[key];
  return out;
}

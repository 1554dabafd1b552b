// $select: which properties of an entity to return. Graph always returns id (and @odata.etag for Outlook
// items) and refuses names the type does not have.
//
// A property that only a derived type has needs the type cast: on attachments, `contentId` (and contentBytes,
// contentLocation) belong to microsoft.graph.fileAttachment, so `$select=contentId` is refused with 400
// RequestBroker--ParseUri "Could not find a property named 'contentId' on type 'microsoft.graph.attachment'."
// (reported against real Graph: microsoftgraph/microsoft-graph-explorer-v4#3916) and
// `$select=microsoft.graph.fileAttachment/contentId` is the accepted form; the property then comes back under
// its plain name, on the entities of that type only.
import { uriParseError } from "../errors";

/** Properties of the derived types that a cast can reach, keyed by qualified type name. */
export type DerivedTypes = Readonly<Record<string, readonly string[]>>;

/**
 * Canonical names selected ("name", or "microsoft.graph.fileAttachment/contentId" for a cast), or null when
 * $select is absent (default projection).
 */
export function parseSelect(
  text: string | null,
  allowed: readonly string[],
  typeName: string,
  derived: DerivedTypes = {},
): string[] | null {
  if (text === null) return null;
  const byLower = lowerMap(allowed);
  const names: string[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    if (name.length === 0) continue;
    const canonical = name.includes("/") ? castName(name, allowed, derived) : byLower.get(name.toLowerCase());
    if (!canonical) throw uriParseError(`Could not find a property named '${name}' on type '${typeName}'.`);
    if (!names.includes(canonical)) names.push(canonical);
  }
  return names;
}

function lowerMap(names: readonly string[]): Map<string, string> {
  return new Map(names.map((name) => [name.toLowerCase(), name]));
}

/** "microsoft.graph.fileAttachment/contentId" → its canonical spelling; a property of the base type is plain. */
function castName(text: string, allowed: readonly string[], derived: DerivedTypes): string | undefined {
  const slash = text.indexOf("/");
  const type = text.slice(0, slash).trim();
  const property = text.slice(slash + 1).trim();
  const own = derived[type];
  if (!own)
    throw uriParseError(`The type '${type}' is not defined in the model or is not derived from this type.`);
  const inherited = lowerMap(allowed).get(property.toLowerCase());
  if (inherited) return inherited;
  const canonical = lowerMap(own).get(property.toLowerCase());
  if (!canonical) throw uriParseError(`Could not find a property named '${property}' on type '${type}'.`);
  return `${type}/${canonical}`;
}

export function applySelect(
  full: Record<string, unknown>,
  selected: readonly string[] | null,
  always: readonly string[],
): Record<string, unknown> {
  if (selected === null) return full;
  const out: Record<string, unknown> = {};
  for (const key of always) if (key in full) out[key] = full[key];
  for (const entry of selected) {
    const slash = entry.indexOf("/");
    if (slash >= 0 && full["@odata.type"] !== `#${entry.slice(0, slash)}`) continue;
    const key = entry.slice(slash + 1);
    if (key in full) out[key] = full[key];
  }
  return out;
}

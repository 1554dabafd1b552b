// Identity of MAPI extended properties as Graph spells them in `singleValueExtendedProperties[].id`:
//   "{Type} {guid} Name {name}"  (named property in a property set)
//   "{Type} {guid} Id 0x{hex}"   (numeric id in a property set)
//   "{Type} 0x{hex}"             (property tag)
// Graph matches the type keyword and the GUID case-insensitively and answers with a lower-case GUID; the
// documentation says the Name part is matched case-sensitively, except in the internet-headers property set,
// where Exchange treats header names like mail headers (case-insensitive).
import { badRequest } from "../errors";
import type { GraphExtendedProperty } from "../types";

/** PS_INTERNET_HEADERS: named properties in this set are the message's internet headers. */
export const INTERNET_HEADERS_SET = "00020386-0000-0000-c000-000000000046";

const TYPES = [
  "Binary",
  "Boolean",
  "Byte",
  "CLSID",
  "Currency",
  "Double",
  "Float",
  "Integer",
  "Long",
  "Object",
  "Short",
  "String",
  "SystemTime",
  "ApplicationTime",
];
const TYPE_BY_LOWER = new Map<string, string>();
for (const type of TYPES) {
  TYPE_BY_LOWER.set(type.toLowerCase(), type);
  TYPE_BY_LOWER.set(`${type.toLowerCase()}array`, `${type}Array`);
}

const NAMED = /^(\w+)\s+\{([0-9a-fA-F-]{36})\}\s+Name\s+(.+)$/i;
const NUMBERED = /^(\w+)\s+\{([0-9a-fA-F-]{36})\}\s+Id\s+0x([0-9a-fA-F]+)$/i;
const TAGGED = /^(\w+)\s+0x([0-9a-fA-F]+)$/i;

export interface ParsedPropertyId {
  /** Canonical form: what Graph echoes back and what equality is decided on. */
  canonical: string;
  type: string;
  propertySet?: string;
  name?: string;
}

function canonicalType(raw: string): string {
  const type = TYPE_BY_LOWER.get(raw.toLowerCase());
  if (!type) throw invalidId(raw);
  return type;
}

function invalidId(id: string): Error {
  return badRequest("ErrorInvalidProperty", `The extended property id '${id}' is not valid.`);
}

/** Parsed ids by their text: a mailbox uses a handful of ids on thousands of messages. */
const parsedIds = new Map<string, ParsedPropertyId>();

export function parsePropertyId(id: string): ParsedPropertyId {
  let parsed = parsedIds.get(id);
  if (parsed === undefined) {
    parsed = parseUncached(id);
    if (parsedIds.size < 10_000) parsedIds.set(id, parsed);
  }
  return parsed;
}

function parseUncached(id: string): ParsedPropertyId {
  const trimmed = id.trim();
  const named = NAMED.exec(trimmed);
  if (named) {
    const type = canonicalType(named[1] ?? "");
    const set = (named[2] ?? "").toLowerCase();
    const rawName = named[3] ?? "";
    const name = set === INTERNET_HEADERS_SET ? rawName.toLowerCase() : rawName;
    return { canonical: `${type} {${set}} Name ${name}`, type, propertySet: set, name };
  }
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) {
    const type = canonicalType(numbered[1] ?? "");
    const set = (numbered[2] ?? "").toLowerCase();
    const hex = parseInt(numbered[3] ?? "0", 16).toString(16);
    return { canonical: `${type} {${set}} Id 0x${hex}`, type, propertySet: set };
  }
  const tagged = TAGGED.exec(trimmed);
  if (tagged) {
    const type = canonicalType(tagged[1] ?? "");
    return { canonical: `${type} 0x${parseInt(tagged[2] ?? "0", 16).toString(16)}`, type };
  }
  throw invalidId(id);
}

/** The header name carried by an extended property in the internet-headers set, if it is one. */
export function internetHeaderName(canonicalId: string): string | undefined {
  const parsed = parsePropertyId(canonicalId);
  return parsed.propertySet === INTERNET_HEADERS_SET ? parsed.name : undefined;
}

/** Insert or replace by identity; returns a new array (stored arrays are never mutated in place). */
export function upsertProperties(
  existing: readonly GraphExtendedProperty[],
  updates: readonly GraphExtendedProperty[],
): GraphExtendedProperty[] {
  const result = [...existing];
  for (const update of updates) {
    const canonical = parsePropertyId(update.id).canonical;
    const index = result.findIndex((p) => p.id === canonical);
    const entry = { id: canonical, value: update.value };
    if (index >= 0) result[index] = entry;
    else result.push(entry);
  }
  return result;
}

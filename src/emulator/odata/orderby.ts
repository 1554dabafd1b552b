// $orderby: parsing against the entity schema, Exchange's rule that sorted properties must lead the filter,
// and a stable multi-key sort.
import { GraphError, uriParseError } from "../errors";
import { conjuncts } from "./filter-ast";
import type { FilterNode } from "./filter-ast";
import { lookup } from "./filter-schema";
import type { EntitySchema, ScalarProperty } from "./filter-schema";

export interface SortKey {
  /** Canonical path as the schema spells it. */
  path: string;
  descending: boolean;
}

export function parseOrderBy<T>(text: string, schema: EntitySchema<T>): SortKey[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [name = "", direction = "asc", ...extra] = part.split(/\s+/);
      const dir = direction.toLowerCase();
      if (extra.length > 0 || (dir !== "asc" && dir !== "desc")) {
        throw uriParseError(`Syntax error in $orderby at '${part}'.`);
      }
      const found = lookup(schema.properties, name.split("/"));
      if (!found)
        throw uriParseError(`Could not find a property named '${name}' on type '${schema.typeName}'.`);
      return { path: found.key, descending: dir === "desc" };
    });
}

/**
 * Exchange answers 400 InefficientFilter unless every $orderby property also appears in $filter, first, and in
 * the same order (e.g. `$filter=receivedDateTime ge … and …&$orderby=receivedDateTime desc`).
 */
export function checkSortLeadsFilter(keys: readonly SortKey[], filter: FilterNode | null): void {
  if (keys.length === 0 || filter === null) return;
  const clauses = conjuncts(filter);
  keys.forEach((key, index) => {
    const clause = clauses[index];
    if (!clause || leadingProperty(clause) !== key.path.toLowerCase()) {
      throw new GraphError(
        400,
        "InefficientFilter",
        "The restriction or sort order is too complex for this operation.",
      );
    }
  });
}

function leadingProperty(clause: FilterNode): string | undefined {
  if (clause.kind === "compare") {
    const property = [clause.left, clause.right].find((o) => o.kind === "property");
    if (property?.kind === "property" && property.variable === null)
      return property.path.join("/").toLowerCase();
  }
  if (clause.kind === "function") {
    const [first] = clause.args;
    if (first?.kind === "property" && first.variable === null) return first.path.join("/").toLowerCase();
  }
  return undefined;
}

/** Sorts a copy; `tieBreak` decides between entities equal on every key (keeps paging deterministic). */
export function sortBy<T>(
  items: readonly T[],
  keys: readonly SortKey[],
  schema: EntitySchema<T>,
  tieBreak: (a: T, b: T) => number,
): T[] {
  const resolved = keys.map((key) => ({ key, property: schema.properties[key.path] as ScalarProperty<T> }));
  return [...items].sort((a, b) => {
    for (const { key, property } of resolved) {
      const order = compareForSort(property.get(a), property.get(b), property.type);
      if (order !== 0) return key.descending ? -order : order;
    }
    return tieBreak(a, b);
  });
}

function compareForSort(a: unknown, b: unknown, type: ScalarProperty<unknown>["type"]): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? -1 : 1;
  switch (type) {
    case "datetime":
      return Math.sign(Date.parse(String(a)) - Date.parse(String(b)));
    case "number":
      return Math.sign(Number(a) - Number(b));
    case "boolean":
      return Number(a === true) - Number(b === true);
    case "string": {
      const x = String(a).toLowerCase();
      const y = String(b).toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

// What a resource exposes to $filter/$orderby: typed scalar properties, lambda-able collections, functions.
// Each route describes its entity once; the compiler and the sort-order rule read the same description.
import type { FilterNode, FunctionName } from "./filter-ast";

export type ValueType = "string" | "boolean" | "datetime" | "number";

export interface ScalarProperty<T> {
  type: ValueType;
  get(entity: T): unknown;
  /** Canonicalizes a string literal compared with this property (e.g. extended property ids). */
  normalize?(literal: string): string;
  /** String comparisons are case-insensitive unless this is set. */
  caseSensitive?: boolean;
}

export interface CollectionProperty<T> {
  items(entity: T): readonly unknown[];
  /** Item-relative properties; the key "" names the item itself (collections of strings). */
  itemProperties: Record<string, ScalarProperty<unknown>>;
  /** Structural rules Graph imposes on the lambda (throws a GraphError when violated). */
  validate?(variable: string | null, predicate: FilterNode | null): void;
}

export interface EntitySchema<T> {
  /** e.g. "microsoft.graph.message", used in error messages. */
  typeName: string;
  /** Keys are "/"-joined paths, matched case-insensitively. */
  properties: Record<string, ScalarProperty<T>>;
  collections: Record<string, CollectionProperty<T>>;
  functions: ReadonlySet<FunctionName>;
}

/** Case-insensitive lookup of a "/"-joined path in a record keyed by canonical paths. */
export function lookup<V>(
  record: Record<string, V>,
  path: readonly string[],
): { key: string; value: V } | undefined {
  const wanted = path.join("/").toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === wanted) return { key, value };
  }
  return undefined;
}

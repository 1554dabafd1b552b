// The $filter syntax tree. Kept separate from the parser so the compiler and the sort-order rule can share it.

export type LiteralType = "string" | "number" | "boolean" | "null" | "datetime";

export interface Literal {
  kind: "literal";
  type: LiteralType;
  value: string | number | boolean | null;
}

/** A property path, relative to the entity or (when `variable` is set) to a lambda's range variable. */
export interface PropertyRef {
  kind: "property";
  path: string[];
  variable: string | null;
}

export type Operand = Literal | PropertyRef;
export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type FunctionName = "startswith" | "endswith" | "contains";

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { kind: "function"; name: FunctionName; args: Operand[] }
  | {
      kind: "lambda";
      quantifier: "any" | "all";
      collection: PropertyRef;
      variable: string | null;
      predicate: FilterNode | null;
    }
  | { kind: "operand"; operand: Operand };

/** The top-level `and` chain, left to right: `a and b and c` → [a, b, c]. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === "and" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** Every node of the tree, depth first (used by validations that look for a clause anywhere). */
export function walk(node: FilterNode, visit: (node: FilterNode) => void): void {
  visit(node);
  switch (node.kind) {
    case "and":
    case "or":
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case "not":
      walk(node.operand, visit);
      break;
    case "lambda":
      if (node.predicate) walk(node.predicate, visit);
      break;
    case "compare":
    case "function":
    case "operand":
      break;
  }
}

// Turns a $filter tree into a predicate over one kind of entity, checking names and operand types against the
// entity's schema first, so that a query Graph would refuse is refused here too instead of matching nothing.
// String comparisons are case-insensitive, as Exchange and the directory compare them.
import { badRequest, invalidFilterClause, invalidFilterNode, uriParseError } from "../errors";
import type { CompareOp, FilterNode, FunctionName, Literal, Operand, PropertyRef } from "./filter-ast";
import { lookup } from "./filter-schema";
import type { CollectionProperty, EntitySchema, ScalarProperty, ValueType } from "./filter-schema";

export type Predicate<T> = (entity: T) => boolean;

interface ResolvedProperty {
  type: ValueType;
  get: (entity: unknown, item: unknown) => unknown;
  normalize?(literal: string): string;
  caseSensitive?: boolean;
}

const MIRROR: Record<CompareOp, CompareOp> = { eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge" };
const EDM: Record<ValueType, string> = {
  string: "Edm.String",
  boolean: "Edm.Boolean",
  datetime: "Edm.DateTimeOffset",
  number: "Edm.Int32",
};

export function compileFilter<T>(node: FilterNode, schema: EntitySchema<T>): Predicate<T> {
  const compiled = new Compiler(schema as EntitySchema<unknown>).node(node, null);
  return (entity: T) => compiled(entity, undefined);
}

interface Scope {
  variable: string | null;
  collection: CollectionProperty<unknown>;
}

type Compiled = (entity: unknown, item: unknown) => boolean;

class Compiler {
  constructor(private readonly schema: EntitySchema<unknown>) {}

  node(node: FilterNode, scope: Scope | null): Compiled {
    switch (node.kind) {
      case "and": {
        const left = this.node(node.left, scope);
        const right = this.node(node.right, scope);
        return (e, i) => left(e, i) && right(e, i);
      }
      case "or": {
        const left = this.node(node.left, scope);
        const right = this.node(node.right, scope);
        return (e, i) => left(e, i) || right(e, i);
      }
      case "not": {
        const inner = this.node(node.operand, scope);
        return (e, i) => !inner(e, i);
      }
      case "compare":
        return this.compare(node.op, node.left, node.right, scope);
      case "function":
        return this.callFunction(node.name, node.args, scope);
      case "lambda":
        return this.lambda(node, scope);
      case "operand":
        return this.bareOperand(node.operand, scope);
    }
  }

  private compare(op: CompareOp, leftOperand: Operand, rightOperand: Operand, scope: Scope | null): Compiled {
    let left = leftOperand;
    let right = rightOperand;
    let effectiveOp = op;
    if (left.kind === "literal" && right.kind === "property") {
      [left, right] = [right, left];
      effectiveOp = MIRROR[op];
    }
    if (left.kind !== "property" || right.kind !== "literal") throw invalidFilterNode();
    const property = this.property(left, scope);
    checkTypes(property.type, right, effectiveOp);
    const literal = normalizeLiteral(right, property.normalize);
    const caseSensitive = property.caseSensitive === true;
    return (e, i) => compareValues(effectiveOp, property.get(e, i), literal, property.type, caseSensitive);
  }

  private callFunction(name: FunctionName, args: Operand[], scope: Scope | null): Compiled {
    if (!this.schema.functions.has(name)) throw invalidFilterNode();
    const [target, argument] = args;
    if (target?.kind !== "property" || argument?.kind !== "literal" || argument.type !== "string") {
      throw invalidFilterNode();
    }
    const property = this.property(target, scope);
    if (property.type !== "string") throw invalidFilterNode();
    const needle = String(argument.value).toLowerCase();
    return (e, i) => {
      const value = property.get(e, i);
      if (typeof value !== "string") return false;
      const haystack = value.toLowerCase();
      if (name === "startswith") return haystack.startsWith(needle);
      if (name === "endswith") return haystack.endsWith(needle);
      return haystack.includes(needle);
    };
  }

  private lambda(node: Extract<FilterNode, { kind: "lambda" }>, scope: Scope | null): Compiled {
    if (node.quantifier === "all" || node.collection.variable !== null || scope !== null)
      throw invalidFilterNode();
    const found = lookup(this.schema.collections, node.collection.path);
    if (!found) throw invalidFilterNode();
    const collection = found.value;
    collection.validate?.(node.variable, node.predicate);
    if (node.predicate === null) return (e) => collection.items(e).length > 0;
    const inner = this.node(node.predicate, { variable: node.variable, collection });
    return (e) => collection.items(e).some((item) => inner(e, item));
  }

  private bareOperand(operand: Operand, scope: Scope | null): Compiled {
    if (operand.kind === "literal") {
      if (operand.type !== "boolean") throw invalidFilterNode();
      const value = operand.value === true;
      return () => value;
    }
    const property = this.property(operand, scope);
    if (property.type !== "boolean") throw invalidFilterNode();
    return (e, i) => property.get(e, i) === true;
  }

  private property(ref: PropertyRef, scope: Scope | null): ResolvedProperty {
    if (ref.variable !== null) {
      if (!scope || scope.variable !== ref.variable) throw invalidFilterNode();
      const found = lookup(scope.collection.itemProperties, ref.path);
      if (!found)
        throw uriParseError(`Could not find a property named '${ref.path.join("/")}' on the lambda item.`);
      const property = found.value;
      return { ...property, get: (_e, item) => property.get(item) };
    }
    const found = lookup(this.schema.properties, ref.path);
    if (!found) {
      if (lookup(this.schema.collections, ref.path)) throw invalidFilterNode();
      throw uriParseError(
        `Could not find a property named '${ref.path.join("/")}' on type '${this.schema.typeName}'.`,
      );
    }
    const property: ScalarProperty<unknown> = found.value;
    return { ...property, get: (entity) => property.get(entity) };
  }
}

function checkTypes(propertyType: ValueType, literal: Literal, op: CompareOp): void {
  const type = literal.type;
  if (type === "null") {
    if (op !== "eq" && op !== "ne") throw invalidFilterNode();
    return;
  }
  if (type !== propertyType) {
    throw invalidFilterClause(
      `A binary operator with incompatible types was detected. Found operand types '${EDM[propertyType]}' and '${EDM[type]}' for operator kind '${op}'.`,
    );
  }
  if (propertyType === "boolean" && op !== "eq" && op !== "ne") throw invalidFilterNode();
}

function normalizeLiteral(literal: Literal, normalize?: (s: string) => string): Literal {
  if (literal.type === "string" && normalize) {
    try {
      return { ...literal, value: normalize(String(literal.value)) };
    } catch {
      throw badRequest(
        "ErrorInvalidProperty",
        `The extended property id '${String(literal.value)}' is not valid.`,
      );
    }
  }
  return literal;
}

function compareValues(
  op: CompareOp,
  actual: unknown,
  literal: Literal,
  type: ValueType,
  caseSensitive: boolean,
): boolean {
  if (literal.type === "null") {
    const isNull = actual === null || actual === undefined;
    return op === "eq" ? isNull : !isNull;
  }
  if (actual === null || actual === undefined) return op === "ne";
  let order: number;
  switch (type) {
    case "string": {
      const a = caseSensitive ? String(actual) : String(actual).toLowerCase();
      const b = caseSensitive ? String(literal.value) : String(literal.value).toLowerCase();
      order = a < b ? -1 : a > b ? 1 : 0;
      break;
    }
    case "datetime": {
      const a = Date.parse(String(actual));
      const b = Date.parse(String(literal.value));
      order = Math.sign(a - b);
      break;
    }
    case "number": {
      order = Math.sign(Number(actual) - Number(literal.value));
      break;
    }
    case "boolean":
      order = actual === literal.value ? 0 : 1;
      break;
  }
  switch (op) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

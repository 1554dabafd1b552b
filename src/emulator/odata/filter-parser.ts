// Recursive-descent parser for the OData $filter subset Graph accepts on mail and directory resources:
//   expr     := and ('or' and)*
//   and      := unary ('and' unary)*
//   unary    := 'not' unary | primary
//   primary  := '(' expr ')' | operand [compareOp operand]
//   operand  := literal | path | function '(' operand (',' operand)* ')'
//   path     := ident ('/' ident)* ['/' ('any'|'all') '(' [var ':' expr] ')']
// Syntax errors answer 400 "BadRequest" (Invalid filter clause); syntax Graph does not support (arithmetic,
// `in`, `has`, unknown functions) answers 400 "ErrorInvalidUrlQueryFilter" instead of matching anything.
import { invalidFilterClause, invalidFilterNode } from "../errors";
import type { CompareOp, FilterNode, FunctionName, Operand, PropertyRef } from "./filter-ast";
import { tokenize } from "./tokenizer";
import type { Token } from "./tokenizer";

const COMPARE_OPS: readonly CompareOp[] = ["eq", "ne", "gt", "ge", "lt", "le"];
const UNSUPPORTED_OPS = new Set<string>(["has", "in", "add", "sub", "mul", "div", "mod"]);
const FUNCTIONS: readonly FunctionName[] = ["startswith", "endswith", "contains"];

function isCompareOp(word: string): word is CompareOp {
  return (COMPARE_OPS as readonly string[]).includes(word);
}

function isFunctionName(word: string): word is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(word);
}

export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;
  private readonly variables: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  expression(): FilterNode {
    let left = this.conjunction();
    while (this.isKeyword("or")) {
      this.index += 1;
      left = { kind: "or", left, right: this.conjunction() };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== "eof")
      throw invalidFilterClause(`unexpected '${describe(token)}' at position ${token.pos}.`);
  }

  private conjunction(): FilterNode {
    let left = this.unary();
    while (this.isKeyword("and")) {
      this.index += 1;
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isKeyword("not") && !this.isPunct("/", 1)) {
      this.index += 1;
      return { kind: "not", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    if (this.isPunct("(")) {
      this.index += 1;
      const inner = this.expression();
      this.expectPunct(")");
      return inner;
    }
    const operand = this.term();
    if (!isOperand(operand)) return operand;
    const op = this.peek();
    if (op.kind === "ident") {
      const lower = op.text.toLowerCase();
      if (isCompareOp(lower)) {
        this.index += 1;
        const right = this.term();
        if (!isOperand(right)) throw invalidFilterNode();
        return { kind: "compare", op: lower, left: operand, right };
      }
      if (UNSUPPORTED_OPS.has(lower)) throw invalidFilterNode();
    }
    return { kind: "operand", operand };
  }

  /** An operand, or a boolean-valued function call / lambda. */
  private term(): Operand | FilterNode {
    const token = this.next();
    switch (token.kind) {
      case "string":
        return { kind: "literal", type: "string", value: token.value };
      case "number":
        return { kind: "literal", type: "number", value: token.value };
      case "datetime":
        return { kind: "literal", type: "datetime", value: token.value };
      case "ident":
        return this.identifierTerm(token.text);
      case "punct":
      case "eof":
        throw invalidFilterClause(
          `expected an operand but found '${describe(token)}' at position ${token.pos}.`,
        );
    }
  }

  private identifierTerm(text: string): Operand | FilterNode {
    const lower = text.toLowerCase();
    if (!this.isPunct("/")) {
      if (lower === "true" || lower === "false")
        return { kind: "literal", type: "boolean", value: lower === "true" };
      if (lower === "null") return { kind: "literal", type: "null", value: null };
      if (this.isPunct("(")) return this.functionCall(lower);
    }
    const segments = [text];
    while (this.isPunct("/")) {
      this.index += 1;
      const segment = this.next();
      if (segment.kind !== "ident")
        throw invalidFilterClause(`expected a property name at position ${segment.pos}.`);
      const name = segment.text.toLowerCase();
      if ((name === "any" || name === "all") && this.isPunct("(")) {
        return this.lambda(name, this.reference(segments));
      }
      segments.push(segment.text);
    }
    return this.reference(segments);
  }

  private reference(segments: string[]): PropertyRef {
    const [first, ...rest] = segments;
    if (first !== undefined && this.variables.includes(first))
      return { kind: "property", path: rest, variable: first };
    return { kind: "property", path: segments, variable: null };
  }

  private functionCall(name: string): FilterNode {
    if (!isFunctionName(name)) throw invalidFilterNode();
    this.expectPunct("(");
    const args: Operand[] = [];
    for (;;) {
      const arg = this.term();
      if (!isOperand(arg)) throw invalidFilterNode();
      args.push(arg);
      if (this.isPunct(",")) {
        this.index += 1;
        continue;
      }
      this.expectPunct(")");
      break;
    }
    if (args.length !== 2) throw invalidFilterClause(`${name} takes two arguments.`);
    return { kind: "function", name, args };
  }

  private lambda(quantifier: "any" | "all", collection: PropertyRef): FilterNode {
    this.expectPunct("(");
    if (this.isPunct(")")) {
      this.index += 1;
      return { kind: "lambda", quantifier, collection, variable: null, predicate: null };
    }
    const variable = this.next();
    if (variable.kind !== "ident")
      throw invalidFilterClause(`expected a range variable at position ${variable.pos}.`);
    this.expectPunct(":");
    this.variables.push(variable.text);
    const predicate = this.expression();
    this.variables.pop();
    this.expectPunct(")");
    return { kind: "lambda", quantifier, collection, variable: variable.text, predicate };
  }

  private peek(offset = 0): Token {
    return this.tokens[this.index + offset] ?? { kind: "eof", pos: -1 };
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === "ident" && token.text.toLowerCase() === word;
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "punct" && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token.kind !== "punct" || token.text !== text) {
      throw invalidFilterClause(
        `expected '${text}' but found '${describe(token)}' at position ${token.pos}.`,
      );
    }
  }
}

function isOperand(value: Operand | FilterNode): value is Operand {
  return value.kind === "literal" || value.kind === "property";
}

function describe(token: Token): string {
  switch (token.kind) {
    case "ident":
    case "punct":
      return token.text;
    case "string":
      return `'${token.value}'`;
    case "number":
      return String(token.value);
    case "datetime":
      return token.value;
    case "eof":
      return "end of input";
  }
}

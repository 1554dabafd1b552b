// Lexer for OData $filter text. It knows literals (strings with '' escapes, numbers, unquoted ISO dates),
// identifiers and punctuation; keywords (and, eq, any…) are plain identifiers that the parser interprets.
import { invalidFilterClause } from "../errors";

export type Token =
  | { kind: "ident"; text: string; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "number"; value: number; pos: number }
  | { kind: "datetime"; value: string; pos: number }
  | { kind: "punct"; text: "(" | ")" | "," | "/" | ":"; pos: number }
  | { kind: "eof"; pos: number };

const PUNCT = new Set(["(", ")", ",", "/", ":"]);
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const NUMERIC_PART = /[0-9A-Za-z:.+-]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (PUNCT.has(ch)) {
      tokens.push({ kind: "punct", text: ch as "(" | ")" | "," | "/" | ":", pos: i });
      i += 1;
    } else if (ch === "'") {
      i = readString(input, i, tokens);
    } else if (IDENT_START.test(ch)) {
      const start = i;
      while (i < input.length && IDENT_PART.test(input.charAt(i))) i += 1;
      tokens.push({ kind: "ident", text: input.slice(start, i), pos: start });
    } else if (/\d/.test(ch) || (ch === "-" && /\d/.test(input.charAt(i + 1)))) {
      const start = i;
      i += 1;
      while (i < input.length && NUMERIC_PART.test(input.charAt(i))) i += 1;
      tokens.push(classifyNumeric(input.slice(start, i), start));
    } else {
      throw invalidFilterClause(`unexpected character '${ch}' at position ${i}.`);
    }
  }
  tokens.push({ kind: "eof", pos: input.length });
  return tokens;
}

function readString(input: string, start: number, tokens: Token[]): number {
  let value = "";
  let i = start + 1;
  for (;;) {
    if (i >= input.length) throw invalidFilterClause(`unterminated string literal at position ${start}.`);
    const ch = input.charAt(i);
    if (ch === "'") {
      if (input.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
        continue;
      }
      tokens.push({ kind: "string", value, pos: start });
      return i + 1;
    }
    value += ch;
    i += 1;
  }
}

function classifyNumeric(text: string, pos: number): Token {
  if (NUMBER.test(text)) return { kind: "number", value: Number(text), pos };
  if (DATETIME.test(text) && !Number.isNaN(Date.parse(text))) return { kind: "datetime", value: text, pos };
  throw invalidFilterClause(`'${text}' at position ${pos} is not a valid literal.`);
}

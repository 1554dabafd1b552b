// $expand items with nested options, e.g.
//   singleValueExtendedProperties($filter=id eq 'String {…} Name a' or id eq 'String {…} Name b'),attachments
import { uriParseError } from "../errors";

export interface ExpandItem {
  name: string;
  /** Nested query options, keys lower-cased with their "$" ("$filter", "$select"). */
  options: Map<string, string>;
}

export function parseExpand(text: string | null): ExpandItem[] {
  if (text === null) return [];
  return splitTopLevel(text, ",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseItem);
}

function parseItem(part: string): ExpandItem {
  const open = part.indexOf("(");
  if (open < 0) return { name: part, options: new Map() };
  if (!part.endsWith(")")) throw uriParseError(`Syntax error in $expand at '${part}'.`);
  const name = part.slice(0, open).trim();
  const options = new Map<string, string>();
  for (const option of splitTopLevel(part.slice(open + 1, -1), ";")) {
    const eq = option.indexOf("=");
    if (eq < 0) throw uriParseError(`Syntax error in $expand at '${option}'.`);
    options.set(option.slice(0, eq).trim().toLowerCase(), option.slice(eq + 1).trim());
  }
  return { name, options };
}

/** Splits on `separator` outside parentheses and quoted strings. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth += 1;
    else if (!quoted && ch === ")") depth -= 1;
    if (!quoted && depth === 0 && ch === separator) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (depth !== 0 || quoted) throw uriParseError(`Syntax error in '${text}'.`);
  parts.push(current);
  return parts;
}

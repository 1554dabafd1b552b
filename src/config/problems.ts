// Configuration problems as data: which field, what kind of problem, what would be accepted. The start-up error
// screen localizes these into "field X: fix Y"; `message` is English for developers and never the only output.
import { z } from "../domain/schema";
import { closestKey } from "./closestKey";

export type ConfigProblemKind =
  /** The file could not be fetched (404, offline, server error). */
  | "fileUnavailable"
  /** The file is not JSON; details carry line/column when the engine reports a position. */
  | "invalidJson"
  | "missing"
  | "wrongType"
  /** A text field that is blank. */
  | "empty"
  | "invalidEmail"
  /** Not a real calendar date in YYYY-MM-DD form (e.g. 2026-02-30). */
  | "invalidDate"
  | "invalidTimeZone"
  | "invalidGuid"
  | "invalidUrl"
  /** Not one of the allowed values (e.g. a language other than es/en). */
  | "invalidChoice"
  /** `$schemaVersion` is not one this build reads. */
  | "unsupportedVersion"
  | "duplicate"
  /** A key the format does not have: usually a typo (details.suggestion names the likely key). */
  | "unknownKey"
  | "outOfRange"
  | "tooFew"
  | "tooMany"
  /** A placeholder left in place, such as the all-zero client id. */
  | "notConfigured"
  | "invalid";

export interface ConfigProblem {
  /** The field, e.g. `audiences[1].group`; "" for the file as a whole. */
  path: string;
  kind: ConfigProblemKind;
  /** What would be accepted, as a short token the UI can show verbatim: "email", "YYYY-MM-DD", "es | en", "0..30". */
  expected?: string;
  /** Extra facts: line/column (invalidJson), status/url (fileUnavailable), suggestion (unknownKey). Never PII. */
  details?: Readonly<Record<string, string | number>>;
  /** English, for developers and logs. */
  message: string;
}

type PathSegment = PropertyKey;

const CUSTOM_KINDS: readonly ConfigProblemKind[] = [
  "invalidEmail",
  "invalidDate",
  "invalidTimeZone",
  "invalidGuid",
  "invalidUrl",
  "duplicate",
  "notConfigured",
];

/** `["audiences", 1, "group"]` → `audiences[1].group`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    const name = String(segment);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether the parsed JSON has no value at `path` (so the problem is "missing", whatever zod called it). */
function isAbsent(input: unknown, path: readonly PathSegment[]): boolean {
  let current: unknown = input;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current) && typeof segment === "string") current = current[segment];
    else return true;
  }
  return current === undefined;
}

/** The schema that validates the value at `path`, looking through optional wrappers; undefined if none. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject && typeof segment === "string") {
      current = (current.shape as Record<string, z.ZodType>)[segment];
    } else if (current instanceof z.ZodArray && typeof segment === "number") {
      current = current.element as z.ZodType;
    } else {
      return undefined;
    }
  }
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

function numberRange(schema: z.ZodType | undefined): string | undefined {
  if (!(schema instanceof z.ZodNumber)) return undefined;
  const { minValue, maxValue } = schema;
  const finite = (n: number | null): n is number => n !== null && Number.isFinite(n);
  if (finite(minValue) && finite(maxValue)) return `${minValue}..${maxValue}`;
  if (finite(minValue)) return `>= ${minValue}`;
  if (finite(maxValue)) return `<= ${maxValue}`;
  return undefined;
}

function typeName(expected: string): string {
  return expected === "int" ? "integer" : expected;
}

function problem(
  path: readonly PathSegment[],
  kind: ConfigProblemKind,
  expected: string | undefined,
  message: string,
  details?: Record<string, string | number>,
): ConfigProblem {
  const where = formatPath(path) || "(file)";
  return {
    path: formatPath(path),
    kind,
    ...(expected !== undefined ? { expected } : {}),
    ...(details ? { details } : {}),
    message: `${where}: ${message}${expected !== undefined ? ` (expected ${expected})` : ""}`,
  };
}

function fromUnknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, schema: z.ZodType): ConfigProblem[] {
  const parent = schemaAt(schema, issue.path);
  const known = parent instanceof z.ZodObject ? Object.keys(parent.shape) : [];
  return issue.keys.map((key) => {
    const suggestion = closestKey(key, known);
    return problem(
      [...issue.path, key],
      "unknownKey",
      suggestion ?? known.join(" | "),
      suggestion ? `unknown key; did you mean "${suggestion}"?` : "unknown key",
      suggestion ? { suggestion } : undefined,
    );
  });
}

function fromIssue(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): ConfigProblem[] {
  const { path } = issue;
  if (issue.code === "unrecognized_keys") return fromUnknownKeys(issue, schema);
  if (issue.code === "custom") {
    const params = issue.params ?? {};
    const kind = CUSTOM_KINDS.find((k) => k === params["kind"]) ?? "invalid";
    const expected = typeof params["expected"] === "string" ? params["expected"] : undefined;
    // An address problem names what is wrong (domain/address.ts), so the screen can say how to fix it.
    const details = typeof params["problem"] === "string" ? { problem: params["problem"] } : undefined;
    return [problem(path, kind, expected, issue.message, details)];
  }
  if (isAbsent(input, path)) {
    const expected = issue.code === "invalid_type" ? typeName(issue.expected) : undefined;
    return [problem(path, "missing", expected, "required field is missing")];
  }
  switch (issue.code) {
    case "invalid_type":
      return [problem(path, "wrongType", typeName(issue.expected), "wrong type")];
    case "invalid_format":
      if (issue.format === "guid") return [problem(path, "invalidGuid", "GUID", "not a GUID")];
      if (issue.format === "url") return [problem(path, "invalidUrl", "https URL", "not a valid URL")];
      return [problem(path, "invalid", issue.format, "wrong format")];
    case "invalid_value": {
      const expected = issue.values.map(String).join(" | ");
      if (formatPath(path) === "$schemaVersion") {
        return [
          problem(path, "unsupportedVersion", expected, "this add-in does not read this config version"),
        ];
      }
      return [problem(path, "invalidChoice", expected, "not an allowed value")];
    }
    case "too_small":
    case "too_big": {
      const isSmall = issue.code === "too_small";
      const bound = Number(isSmall ? issue.minimum : issue.maximum);
      if (issue.origin === "string") return [problem(path, "empty", "non-empty text", "must not be blank")];
      if (issue.origin === "array") {
        return isSmall
          ? [problem(path, "tooFew", `>= ${bound} items`, "too few entries", { min: bound })]
          : [problem(path, "tooMany", `<= ${bound} items`, "too many entries", { max: bound })];
      }
      const expected = numberRange(schemaAt(schema, path)) ?? `${isSmall ? ">=" : "<="} ${bound}`;
      return [problem(path, "outOfRange", expected, "out of range")];
    }
    default:
      return [problem(path, "invalid", undefined, issue.message)];
  }
}

/**
 * Turns zod's issues into ConfigProblems. `input` is the parsed JSON (to tell a missing field from a wrong one);
 * `schema` is the one that produced the issues (to name allowed keys and ranges).
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.ZodType,
): ConfigProblem[] {
  return issues.flatMap((issue) => fromIssue(issue, input, schema));
}

// Reads and validates pregon.config.json at start-up. Problems are returned as data (never thrown) so that the
// start-up screen can list every one of them at once, localized, instead of failing on the first.
import { AppError } from "../domain/errors";
import type { FetchText } from "./fetchText";
import { parseJsonText } from "./jsonText";
import { problemsFromIssues } from "./problems";
import type { ConfigProblem } from "./problems";
import { pregonConfigSchema } from "./schema";
import type { PregonConfig } from "./schema";

export const DEFAULT_CONFIG_URL = "pregon.config.json";

export type ConfigResult = { ok: true; config: PregonConfig } | { ok: false; problems: ConfigProblem[] };

/** Validates already-parsed JSON against the config format. */
export function parseConfig(json: unknown): ConfigResult {
  const result = pregonConfigSchema.safeParse(json);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: problemsFromIssues(result.error.issues, json, pregonConfigSchema) };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

/**
 * Fetches, parses and validates the config file. `fetchText` must reject when the file cannot be read
 * (see fetchTextWith); a rejection carrying a numeric `status` is reported with it.
 */
export async function loadConfig(
  fetchText: FetchText,
  url: string = DEFAULT_CONFIG_URL,
): Promise<ConfigResult> {
  let text: string;
  try {
    text = await fetchText(url);
  } catch (error) {
    const status = statusOf(error);
    const details: Record<string, string | number> = status === undefined ? { url } : { url, status };
    const why = status === undefined ? "network error" : `HTTP ${status}`;
    return {
      ok: false,
      problems: [{ path: "", kind: "fileUnavailable", details, message: `Could not read ${url} (${why})` }],
    };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const details: Record<string, string | number> = { url };
    if (parsed.line !== undefined) details["line"] = parsed.line;
    if (parsed.column !== undefined) details["column"] = parsed.column;
    const where = parsed.line !== undefined ? ` at line ${parsed.line}, column ${parsed.column ?? "?"}` : "";
    return {
      ok: false,
      problems: [{ path: "", kind: "invalidJson", details, message: `${url} is not valid JSON${where}` }],
    };
  }
  return parseConfig(parsed.value);
}

/** The one AppError for a bad configuration (the problems themselves go to the start-up screen). */
export function configError(problems: readonly ConfigProblem[]): AppError {
  const first = problems[0];
  return new AppError("config", `Configuration has ${problems.length} problem(s)`, {
    nextStep: "contactAdmin",
    details: { count: problems.length, ...(first ? { firstPath: first.path, firstKind: first.kind } : {}) },
  });
}

// Reads and validates pregon.config.json at start-up. Problems are returned as data (never thrown) so that the
// start-up screen can list every one of them at once, localized, instead of failing on the first.
// Zod's CSP-safe mode first: the pane fetches this module as a chunk of its own (config/startConfig.ts).
import "../domain/zodConfig";
import { AppError } from "../domain/errors";
import type { FetchText } from "./fetchText";
import { problemsFromIssues } from "./problems";
import type { ConfigProblem } from "./problems";
import { pregonConfigSchema } from "./schema";
import type { PregonConfig } from "./schema";
import { DEFAULT_CONFIG_URL, readConfigFile } from "./readFile";

export { DEFAULT_CONFIG_URL };

export type ConfigResult = { ok: true; config: PregonConfig } | { ok: false; problems: ConfigProblem[] };

/** Validates already-parsed JSON against the config format. */
export function parseConfig(json: unknown): ConfigResult {
  const result = pregonConfigSchema.safeParse(json);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: problemsFromIssues(result.error.issues, json, pregonConfigSchema) };
}

/**
 * Fetches, parses and validates the config file. `fetchText` must reject when the file cannot be read
 * (see fetchTextWith); a rejection carrying a numeric `status` is reported with it.
 */
export async function loadConfig(
  fetchText: FetchText,
  url: string = DEFAULT_CONFIG_URL,
): Promise<ConfigResult> {
  const file = await readConfigFile(fetchText, url);
  return file.ok ? parseConfig(file.json) : file;
}

/** The one AppError for a bad configuration (the problems themselves go to the start-up screen). */
export function configError(problems: readonly ConfigProblem[]): AppError {
  const first = problems[0];
  return new AppError("config", `Configuration has ${problems.length} problem(s)`, {
    nextStep: "contactAdmin",
    details: { count: problems.length, ...(first ? { firstPath: first.path, firstKind: first.kind } : {}) },
  });
}

// Fetching and parsing pregon.config.json, before any validation: the part of loading that needs no schema
// library, shared by the full loader (load.ts) and the start-up one (startConfig.ts).
import type { FetchText } from "./fetchText";
import { parseJsonText } from "./jsonText";
import type { ConfigProblem } from "./problems";

export const DEFAULT_CONFIG_URL = "pregon.config.json";

export type ConfigFile = { ok: true; json: unknown } | { ok: false; problems: ConfigProblem[] };

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

/**
 * Fetches and parses the config file. `fetchText` must reject when the file cannot be read (see fetchTextWith);
 * a rejection carrying a numeric `status` is reported with it.
 */
export async function readConfigFile(fetchText: FetchText, url: string): Promise<ConfigFile> {
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
  return { ok: true, json: parsed.value };
}

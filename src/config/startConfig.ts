// The deployed pane's configuration loader: the lean check first (fastCheck.ts), and zod — a chunk of its own —
// only when that check cannot vouch for the file, to say precisely what is wrong. The result is the same as
// load.ts's loadConfig for every file; only the cost of the usual, valid one differs.
import type { FetchText } from "./fetchText";
import { fastCheckConfig } from "./fastCheck";
import type { ConfigResult } from "./load";
import { DEFAULT_CONFIG_URL, readConfigFile } from "./readFile";

export { DEFAULT_CONFIG_URL };

/** Validates parsed JSON: fast when it is valid, with zod's detailed problems when it is not. */
export async function validateConfig(json: unknown): Promise<ConfigResult> {
  const config = fastCheckConfig(json);
  if (config) return { ok: true, config };
  const { parseConfig } = await import(/* webpackChunkName: "config-schema" */ "./load");
  return parseConfig(json);
}

/** Fetches, parses and validates the config file (see load.ts's loadConfig for the contract). */
export async function loadStartConfig(
  fetchText: FetchText,
  url: string = DEFAULT_CONFIG_URL,
): Promise<ConfigResult> {
  const file = await readConfigFile(fetchText, url);
  return file.ok ? validateConfig(file.json) : file;
}

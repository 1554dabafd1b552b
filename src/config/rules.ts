// The configuration's own rules that need no schema library: constants and the checks behind the custom
// refinements. schema.ts (zod, detailed problems) and fastCheck.ts (the lean start-up check) share them, so the
// two can never disagree on what a time zone or a dialog URL is.

/** The config format this build reads; a file with another number is refused rather than guessed at. */
export const CONFIG_SCHEMA_VERSION = 1;

/** The all-zero GUID: what a template or a half-finished app registration leaves behind. Never a real id. */
export const NOT_CONFIGURED_GUID = "00000000-0000-0000-0000-000000000000";

/**
 * The documented placeholder in the shipped template (src/config/pregon.config.json): a well-formed GUID, so the
 * template validates, that the start-up screen can recognise and warn about.
 */
export const TEMPLATE_CLIENT_ID = "11111111-2222-4333-8444-555555555555";
/** The template's placeholder tenant GUID (a valid GUID, so the template validates; sign-in fails until replaced). */
export const TEMPLATE_TENANT_ID = "22222222-3333-4444-8555-666666666666";

export const LEAD_TIME_DAYS = { min: 0, max: 30 } as const;
/** The urgent lane's business hours (issue 13): at least one, at most five 9-hour office days. */
export const URGENT_HOURS = { min: 1, max: 45 } as const;

/** Whether the JavaScript engine knows this IANA zone (the same engine later formats dates with it). */
export function isKnownTimeZone(value: string): boolean {
  // Offsets such as "+05:00" are accepted by some engines, but they ignore daylight saving: require a name.
  if (/^[+-]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Office dialog must load a page from the add-in's own HTTPS origin: either an absolute https URL or a
 * path on the same origin, relative to the taskpane ("dialog.html") or to the root ("/auth/dialog.html"). Anything else (http, javascript:, another scheme,
 * protocol-relative "//host", "..") is refused.
 */
export function isDialogUrl(value: string): boolean {
  if (/^https:\/\//i.test(value)) {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  }
  if (value.startsWith("//") || value.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  if (value.split("/").some((segment) => segment === "..")) return false;
  return /^[A-Za-z0-9._~/-]+(\?[A-Za-z0-9._~=&%-]*)?$/.test(value);
}

/**
 * A web host name, as it appears in an https URL and in a Content-Security-Policy source: letters, digits and
 * hyphens in dot-separated labels, no scheme, port, path or wildcard. Nothing else may reach the CSP that
 * webpack.config.js builds from this list.
 */
export function isImageHost(value: string): boolean {
  return value.length <= 253 && /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value);
}

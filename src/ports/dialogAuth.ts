// A port: the contract between the token ladder and the Office-dialog sign-in page, used where nested app
// authentication is unavailable or its popup is blocked. The page (built elsewhere) signs in with MSAL inside
// the dialog and posts ONE message to the taskpane with Office's messageParent; the Office adapter opens the
// dialog and resolves with that message text. Both sides use the functions here, so the format lives in one place.

export const DIALOG_MESSAGE_TYPE = "pregon-auth";

/** Query parameter that carries a claims challenge (JSON text) to the dialog page. */
export const DIALOG_CLAIMS_PARAM = "claims";

/** Query parameter that carries the extra scopes (space-separated) of an incremental consent to the dialog. */
export const DIALOG_SCOPES_PARAM = "scopes";

export const DEFAULT_DIALOG_URL = "dialog.html";

/** Error codes for failures of the dialog itself (MSAL's own errorCode values are passed through as they are). */
export const DIALOG_ERROR_CODES = {
  /** The user closed the dialog (Office reports 12006). */
  closed: "dialog_closed",
  /** The dialog could not be opened or answered with something that is not a DialogAuthMessage. */
  failed: "dialog_failed",
} as const;

export type DialogAuthMessage =
  | {
      type: typeof DIALOG_MESSAGE_TYPE;
      ok: true;
      accessToken: string;
      /** ISO-8601 instant at which the token expires (MSAL's `expiresOn`). */
      expiresOn: string;
    }
  | {
      type: typeof DIALOG_MESSAGE_TYPE;
      ok: false;
      /** MSAL's errorCode (e.g. "user_cancelled", "consent_required") or one of DIALOG_ERROR_CODES. */
      errorCode: string;
    };

/**
 * Opens the dialog page at `url` (relative URLs are resolved by the Office adapter against the taskpane's own
 * location) and resolves with the text the page posted: a serialized DialogAuthMessage. A bare access token is
 * also accepted, for adapters that unwrap the message themselves. Rejects when the dialog cannot be shown or is
 * closed: with an AppError, or a DialogAuthFailure carrying one of DIALOG_ERROR_CODES.
 */
export type OpenDialogAuth = (url: string) => Promise<string>;

/** A failed dialog sign-in, in the same `errorCode` shape as MSAL's errors so one table maps both. */
export class DialogAuthFailure extends Error {
  readonly errorCode: string;

  constructor(errorCode: string) {
    super(`Dialog sign-in failed: ${errorCode}`);
    this.name = "DialogAuthFailure";
    this.errorCode = errorCode;
  }
}

/** What the dialog page posts with messageParent. */
export function serializeDialogMessage(message: DialogAuthMessage): string {
  return JSON.stringify(message);
}

/** Reads a posted message; undefined when the text is not a well-formed DialogAuthMessage. */
export function parseDialogMessage(text: string): DialogAuthMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m["type"] !== DIALOG_MESSAGE_TYPE) return undefined;
  if (m["ok"] === true && typeof m["accessToken"] === "string" && typeof m["expiresOn"] === "string") {
    return { type: DIALOG_MESSAGE_TYPE, ok: true, accessToken: m["accessToken"], expiresOn: m["expiresOn"] };
  }
  if (m["ok"] === false && typeof m["errorCode"] === "string") {
    return { type: DIALOG_MESSAGE_TYPE, ok: false, errorCode: m["errorCode"] };
  }
  return undefined;
}

/**
 * The URL the dialog is opened at: the configured page, plus the claims challenge and the extra scopes of an
 * incremental consent when there are any.
 */
export function dialogRequestUrl(pageUrl: string, claims?: string, scopes: readonly string[] = []): string {
  const params: string[] = [];
  if (claims) params.push(`${DIALOG_CLAIMS_PARAM}=${encodeURIComponent(claims)}`);
  if (scopes.length > 0) params.push(`${DIALOG_SCOPES_PARAM}=${encodeURIComponent(scopes.join(" "))}`);
  if (params.length === 0) return pageUrl;
  const separator = pageUrl.includes("?") ? "&" : "?";
  return `${pageUrl}${separator}${params.join("&")}`;
}

/** For the dialog page: the extra scopes in its query string (the caller keeps only the allowed ones). */
export function readDialogScopes(search: string): string[] {
  const value = new URLSearchParams(search).get(DIALOG_SCOPES_PARAM) ?? "";
  return value.split(" ").filter((s) => s.length > 0);
}

/** For the dialog page: the claims challenge passed in its query string (`location.search`), if any. */
export function readDialogClaims(search: string): string | undefined {
  return new URLSearchParams(search).get(DIALOG_CLAIMS_PARAM) ?? undefined;
}

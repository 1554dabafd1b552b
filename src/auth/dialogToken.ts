// What the ladder keeps from a dialog sign-in: the token and when it stops being good. MSAL caches the tokens it
// gets itself; the dialog's token lives in the taskpane's memory only, never in storage.
import { toAuthAppError } from "./authErrors";
import { DialogAuthFailure, DIALOG_ERROR_CODES, parseDialogMessage } from "../ports/dialogAuth";

/** Lifetime assumed for a bare token from an adapter that did not pass the expiry on (well under Entra's minimum). */
const BARE_TOKEN_LIFETIME_MS = 10 * 60_000;

export interface DialogToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The token in what the dialog posted; throws (mapped) when the dialog reports a failure or garbage. */
export function readDialogResult(text: string, nowMs: number): DialogToken {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) {
    if (trimmed === "") throw toAuthAppError(new DialogAuthFailure(DIALOG_ERROR_CODES.failed));
    return { accessToken: trimmed, expiresAt: nowMs + BARE_TOKEN_LIFETIME_MS };
  }
  const message = parseDialogMessage(trimmed);
  if (!message) throw toAuthAppError(new DialogAuthFailure(DIALOG_ERROR_CODES.failed));
  if (!message.ok) throw toAuthAppError(new DialogAuthFailure(message.errorCode));
  const expiresAt = Date.parse(message.expiresOn);
  return { accessToken: message.accessToken, expiresAt: Number.isNaN(expiresAt) ? nowMs : expiresAt };
}

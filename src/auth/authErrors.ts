// MSAL (and dialog) failures, as one table: what the token ladder does next, and the AppError a person sees if
// the ladder stops there. Codes come from MSAL v5's BrowserAuthErrorCodes, ClientAuthErrorCodes,
// InteractionRequiredAuthErrorCodes, NestedAppAuthError and server (Entra ID) error codes.
import { AppError, isAppError } from "../domain/errors";
import type { ErrorCode, NextStep } from "../domain/errors";
import { DIALOG_ERROR_CODES } from "../ports/dialogAuth";

/**
 * What the ladder does after a failure: ask the user (popup), fall back to the Office dialog (the popup or NAA
 * cannot work here), or stop and surface the error.
 */
export type LadderStep = "interactive" | "dialog" | "stop";

export interface AuthErrorRule {
  step: LadderStep;
  code: ErrorCode;
  nextStep: NextStep;
}

const rule = (step: LadderStep, code: ErrorCode, nextStep: NextStep): AuthErrorRule => ({
  step,
  code,
  nextStep,
});

const signInAgain = rule("stop", "unauthenticated", "signIn");
const needsUser = rule("interactive", "unauthenticated", "signIn");
const needsConsent = rule("interactive", "consentRequired", "signIn");
const useDialog = rule("dialog", "unauthenticated", "signIn");
const offline = rule("stop", "network", "retry");
const misconfigured = rule("stop", "config", "contactAdmin");

export const AUTH_ERROR_TABLE: Readonly<Record<string, AuthErrorRule>> = {
  // The user said no: do not open another window at them.
  user_cancelled: signInAgain,
  user_canceled: signInAgain, // ClientAuthError spelling, from the NAA bridge's USER_CANCEL
  [DIALOG_ERROR_CODES.closed]: signInAgain,
  // A popup cannot be shown (blocked, or not allowed in this host): the Office dialog can.
  popup_window_error: useDialog,
  empty_window_error: useDialog,
  block_nested_popups: useDialog,
  ui_not_allowed: useDialog,
  // NAA turned out to be unavailable after all (bridge disabled, or a method the bridge does not support).
  nested_app_auth_bridge_disabled: useDialog,
  unsupported_method: useDialog,
  // Silent sign-in is not enough: the user must act.
  interaction_required: needsConsent,
  consent_required: needsConsent,
  login_required: needsUser,
  no_tokens_found: needsUser,
  refresh_token_expired: needsUser,
  bad_token: needsUser,
  interrupted_user: needsUser,
  native_account_unavailable: needsUser,
  no_account_error: needsUser,
  no_account_found: needsUser,
  token_refresh_required: needsUser,
  // Consent was refused or needs an administrator; the user cannot fix it by signing in again.
  access_denied: rule("stop", "consentRequired", "contactAdmin"),
  // The app registration does not match the config (wrong client id or tenant).
  invalid_client: misconfigured,
  unauthorized_client: misconfigured,
  // Network trouble: try again.
  no_network_connectivity: offline,
  network_error: offline,
  post_request_failed: offline,
  get_request_failed: offline,
  timed_out: offline,
  // Another sign-in window is still open.
  interaction_in_progress: rule("stop", "unknown", "retry"),
  [DIALOG_ERROR_CODES.failed]: rule("stop", "unknown", "retry"),
};

const UNKNOWN = rule("stop", "unknown", "retry");

function stringField(e: unknown, field: "errorCode" | "subError" | "name"): string | undefined {
  if (typeof e !== "object" || e === null || !(field in e)) return undefined;
  const value = (e as Record<string, unknown>)[field];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** MSAL's errorCode (or a DialogAuthFailure's), when the error has one. */
export function authErrorCode(e: unknown): string | undefined {
  return stringField(e, "errorCode");
}

/**
 * The rule for a failure: by errorCode, then by subError (Entra sends e.g. errorCode "invalid_grant" with
 * subError "consent_required"), then any InteractionRequiredAuthError needs the user; an AppError (from the
 * Office adapter) stops with its own code; anything else is unknown.
 */
export function ruleFor(e: unknown): AuthErrorRule {
  if (isAppError(e)) return rule("stop", e.code, e.nextStep);
  const byCode = AUTH_ERROR_TABLE[authErrorCode(e) ?? ""];
  if (byCode) return byCode;
  const bySubError = AUTH_ERROR_TABLE[stringField(e, "subError") ?? ""];
  if (bySubError) return bySubError;
  if (stringField(e, "name") === "InteractionRequiredAuthError") return needsUser;
  return UNKNOWN;
}

/** The AppError for a sign-in failure. Its message names only the error code: MSAL's text can contain PII. */
export function toAuthAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const { code, nextStep } = ruleFor(e);
  const errorCode = authErrorCode(e) ?? "unknown_error";
  return new AppError(code, `Sign-in failed (${errorCode})`, {
    cause: e,
    nextStep,
    details: { authErrorCode: errorCode },
  });
}

import {
  BrowserAuthError,
  ClientAuthError,
  InteractionRequiredAuthError,
  ServerError,
} from "@azure/msal-browser";
import { AUTH_ERROR_TABLE, ruleFor, toAuthAppError } from "../../src/auth/authErrors";
import { DialogAuthFailure } from "../../src/ports/dialogAuth";
import { AppError } from "../../src/domain/errors";

describe("the MSAL error table", () => {
  it.each([
    // errorCode, ladder step, AppError code, next step
    ["user_cancelled", "stop", "unauthenticated", "signIn"],
    ["user_canceled", "stop", "unauthenticated", "signIn"],
    ["dialog_closed", "stop", "unauthenticated", "signIn"],
    ["popup_window_error", "dialog", "unauthenticated", "signIn"],
    ["empty_window_error", "dialog", "unauthenticated", "signIn"],
    ["block_nested_popups", "dialog", "unauthenticated", "signIn"],
    ["nested_app_auth_bridge_disabled", "dialog", "unauthenticated", "signIn"],
    ["interaction_required", "interactive", "consentRequired", "signIn"],
    ["consent_required", "interactive", "consentRequired", "signIn"],
    ["login_required", "interactive", "unauthenticated", "signIn"],
    ["no_tokens_found", "interactive", "unauthenticated", "signIn"],
    ["access_denied", "stop", "consentRequired", "contactAdmin"],
    ["unauthorized_client", "stop", "config", "contactAdmin"],
    ["no_network_connectivity", "stop", "network", "retry"],
    ["network_error", "stop", "network", "retry"],
    ["timed_out", "stop", "network", "retry"],
    ["interaction_in_progress", "stop", "unknown", "retry"],
  ])("%s → %s, %s / %s", (errorCode, step, code, nextStep) => {
    expect(AUTH_ERROR_TABLE[errorCode]).toEqual({ step, code, nextStep });
    expect(toAuthAppError({ errorCode })).toMatchObject({
      code,
      nextStep,
      details: { authErrorCode: errorCode },
    });
  });

  it("reads the errorCode of MSAL's real error classes", () => {
    expect(toAuthAppError(new BrowserAuthError("popup_window_error", "")).code).toBe("unauthenticated");
    expect(toAuthAppError(new ClientAuthError("no_network_connectivity", "")).code).toBe("network");
    expect(toAuthAppError(new InteractionRequiredAuthError("consent_required", "")).code).toBe(
      "consentRequired",
    );
  });

  it("falls back to the subError when the errorCode is generic", () => {
    const error = new ServerError("invalid_grant", "", "", "consent_required");
    expect(ruleFor(error)).toMatchObject({ step: "interactive", code: "consentRequired" });
  });

  it("any other InteractionRequiredAuthError needs the user", () => {
    expect(ruleFor(new InteractionRequiredAuthError("something_new", ""))).toMatchObject({
      step: "interactive",
      code: "unauthenticated",
    });
  });

  it("an unknown failure is unknown, with retry", () => {
    expect(toAuthAppError(new Error("?"))).toMatchObject({
      code: "unknown",
      nextStep: "retry",
      details: { authErrorCode: "unknown_error" },
    });
    expect(toAuthAppError("weird")).toMatchObject({ code: "unknown" });
  });

  it("maps a dialog failure by its errorCode", () => {
    expect(toAuthAppError(new DialogAuthFailure("dialog_closed"))).toMatchObject({ code: "unauthenticated" });
  });

  it("keeps an AppError as it is", () => {
    const error = new AppError("officeUnsupported", "no dialog");
    expect(toAuthAppError(error)).toBe(error);
    expect(ruleFor(error)).toEqual({ step: "stop", code: "officeUnsupported", nextStep: "contactAdmin" });
  });

  it("never copies MSAL's message (which may contain an address) into the AppError", () => {
    const error = new ServerError(
      "invalid_grant",
      "",
      "AADSTS50034: user someone@universidad.example not found",
    );
    expect(toAuthAppError(error).message).not.toContain("@");
    expect(toAuthAppError(error).cause).toBe(error);
  });
});

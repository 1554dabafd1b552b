// Sign-in inside the Office dialog, the fallback where nested app authentication is unavailable. The dialog is a
// top-level window, so MSAL runs as a standard (not nestable) PublicClientApplication with the redirect flow:
//   first load:   no redirect response → acquireTokenRedirect (the window goes to the identity platform);
//   second load:  the identity platform sends the window back here → handleRedirectPromise yields the token.
// The result is a DialogAuthMessage for the caller to post to the taskpane. No DOM and no Office here: the page
// passes in its own address; MSAL itself uses the window and sessionStorage as it needs.
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import type { Configuration, IPublicClientApplication } from "@azure/msal-browser";
import { authErrorCode } from "./authErrors";
import {
  DIALOG_ERROR_CODES,
  DIALOG_MESSAGE_TYPE,
  readDialogClaims,
  readDialogScopes,
} from "../ports/dialogAuth";
import type { DialogAuthMessage } from "../ports/dialogAuth";
import { msalConfiguration } from "./msalClient";
import type { AuthSettings } from "./msalClient";
import { GRAPH_SCOPES, scopesWith } from "./scopes";

/** The slice of MSAL the dialog uses (a fake in tests). */
export type DialogMsalClient = Pick<
  IPublicClientApplication,
  "handleRedirectPromise" | "acquireTokenRedirect"
>;

export interface DialogSignInOptions {
  settings: AuthSettings;
  /** The dialog page's own URL without query or fragment: the SPA redirect URI registered for the fallback. */
  redirectUri: string;
  /** The page's `location.search`, which carries a claims challenge and extra scopes on the first load. */
  search: string;
  scopes?: readonly string[];
  /** Builds MSAL (production: createStandardPublicClientApplication, which also initializes it). */
  createClient?: (configuration: Configuration) => Promise<DialogMsalClient>;
}

/** MSAL configuration for the dialog: the taskpane's (authority, CAE capability) plus this page as redirect. */
export function dialogMsalConfiguration(settings: AuthSettings, redirectUri: string): Configuration {
  const base = msalConfiguration(settings);
  return {
    ...base,
    auth: { ...base.auth, redirectUri },
    // The dialog is a fresh window each time; nothing should outlive it.
    cache: { cacheLocation: "sessionStorage" },
  };
}

function failure(errorCode: string): DialogAuthMessage {
  return { type: DIALOG_MESSAGE_TYPE, ok: false, errorCode };
}

/**
 * Runs one step of the dialog sign-in. Resolves with the message to post to the taskpane, or with undefined when
 * the window is navigating to the identity platform (nothing to post yet).
 */
export async function signInInDialog(options: DialogSignInOptions): Promise<DialogAuthMessage | undefined> {
  const createClient = options.createClient ?? createStandardPublicClientApplication;
  // An incremental consent names its extra scopes in the query; only the allowed ones are added (scopes.ts).
  const scopes = scopesWith(options.scopes ?? GRAPH_SCOPES, readDialogScopes(options.search));
  try {
    const app = await createClient(dialogMsalConfiguration(options.settings, options.redirectUri));
    // The response arrives at this page, not the one that started the flow (which carried the claims query):
    // process it here instead of navigating back first.
    const result = await app.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (result) {
      if (!result.accessToken) return failure(DIALOG_ERROR_CODES.failed);
      // MSAL always dates an access token; without a date the taskpane uses it once and asks again next time.
      const expiresOn = result.expiresOn ?? new Date(0);
      return {
        type: DIALOG_MESSAGE_TYPE,
        ok: true,
        accessToken: result.accessToken,
        expiresOn: expiresOn.toISOString(),
      };
    }
    const claims = readDialogClaims(options.search);
    await app.acquireTokenRedirect({
      scopes,
      ...(claims ? { claims } : {}),
    });
    return undefined;
  } catch (e) {
    // Only the code travels: MSAL's messages can contain account names and tenant details.
    return failure(authErrorCode(e) ?? DIALOG_ERROR_CODES.failed);
  }
}

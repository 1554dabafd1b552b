// The slice of MSAL's PublicClientApplication the token ladder uses, and the configuration it is built with.
// Typing the slice with MSAL's own types keeps the ladder honest against the real v5 API, while tests can hand
// the ladder a small fake instead of mocking the module.
import type { Configuration, IPublicClientApplication } from "@azure/msal-browser";

export type MsalClient = Pick<
  IPublicClientApplication,
  | "acquireTokenSilent"
  | "acquireTokenPopup"
  | "ssoSilent"
  | "getActiveAccount"
  | "getAllAccounts"
  | "setActiveAccount"
>;

/** The auth part of the configuration (structurally the `auth` object of pregon.config.json). */
export interface AuthSettings {
  clientId: string;
  /** A tenant GUID, or "organizations" for any work or school tenant. */
  tenantId: string;
  /** The Office-dialog sign-in page; see src/ports/dialogAuth.ts. */
  dialogUrl?: string;
}

/**
 * MSAL configuration for nested app authentication. `clientCapabilities: ["CP1"]` declares that Pregón handles
 * CAE claims challenges (claimsChallenge.ts); without it Graph never sends them and revoked tokens linger.
 */
export function msalConfiguration(settings: AuthSettings): Configuration {
  return {
    auth: {
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
      clientCapabilities: ["CP1"],
    },
  };
}

// Production wiring: the token ladder over MSAL's nestable client. The Office adapter supplies the two
// Office-backed functions; nothing else in the add-in needs to know MSAL exists. MSAL is a quarter of the pane's
// bytes and nothing on the first screen needs it, so it is its own chunk, fetched when the first token is asked for.
import { DEFAULT_DIALOG_URL } from "../ports/dialogAuth";
import type { OpenDialogAuth } from "../ports/dialogAuth";
import { msalConfiguration } from "./msalClient";
import type { AuthSettings } from "./msalClient";
import { createTokenLadder } from "./tokenLadder";
import type { TokenLadder } from "./tokenLadder";

export interface OfficeAuthHost {
  isSetSupported: (name: string, version: string) => boolean;
  openDialogAuth: OpenDialogAuth;
  loginHint?: () => string | undefined;
}

/**
 * A TokenProvider for Outlook. MSAL is created on first use, and only where NAA is supported; without it,
 * createNestablePublicClientApplication would build a standard client whose popups Outlook does not allow.
 */
export function createNaaTokenProvider(settings: AuthSettings, host: OfficeAuthHost): TokenLadder {
  return createTokenLadder({
    ...host,
    dialogUrl: settings.dialogUrl ?? DEFAULT_DIALOG_URL,
    createClient: async () => {
      const { createNestablePublicClientApplication } = await import(
        /* webpackChunkName: "msal" */ "@azure/msal-browser"
      );
      return createNestablePublicClientApplication(msalConfiguration(settings));
    },
  });
}

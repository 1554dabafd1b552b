// Getting a Graph token in Outlook, from the cheapest way to the most intrusive:
//   1. nested app authentication (NAA), silently: MSAL's cache or the Outlook host's own sign-in;
//   2. NAA popup, when the user must act (consent, MFA, a claims challenge);
//   3. the Office dialog, where NAA is unsupported (requirement set NestedAppAuth 1.1) or the popup is blocked.
// Everything outside is injected (MSAL client, Office's requirement check, the dialog), so this file touches no
// DOM and no Office global and is tested with fakes. It logs nothing: tokens, claims and accounts are sensitive.
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { ruleFor, toAuthAppError } from "./authErrors";
import { DEFAULT_DIALOG_URL, dialogRequestUrl } from "./dialogProtocol";
import type { OpenDialogAuth } from "./dialogProtocol";
import { readDialogResult } from "./dialogToken";
import type { DialogToken } from "./dialogToken";
import type { MsalClient } from "./msalClient";
import { GRAPH_SCOPES } from "./scopes";
import type { SignInInfo, SignInMode } from "../ports/tenantProbe";
import type { TokenProvider, TokenRequestOptions } from "./tokenProvider";

export interface TokenLadderDeps {
  /** Builds the MSAL client (production: createNestablePublicClientApplication); called once, lazily. */
  createClient: () => Promise<MsalClient>;
  /** Office's `context.requirements.isSetSupported`, passed in by the Office adapter. */
  isSetSupported: (name: string, version: string) => boolean;
  openDialogAuth: OpenDialogAuth;
  /** The dialog sign-in page (config `auth.dialogUrl`). */
  dialogUrl?: string;
  scopes?: readonly string[];
  /** The signed-in mailbox's address, used only as MSAL's login hint when it knows no account yet. */
  loginHint?: () => string | undefined;
  /** Clock, for the dialog token's expiry. */
  now?: () => number;
}

export interface TokenLadder extends TokenProvider {
  /** For the "sign in again" button: skips the silent step and forgets any dialog token. */
  signIn(): Promise<void>;
  /** The route of the last token and the scopes granted (the self-check's sign-in row). */
  signInInfo(): SignInInfo;
}

/** A dialog token is reused until this close to its expiry, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
export function createTokenLadder(deps: TokenLadderDeps): TokenLadder {
  const scopes = [...(deps.scopes ?? GRAPH_SCOPES)];
  const now = deps.now ?? Date.now;
  let client: Promise<MsalClient> | undefined;
  let naaSupported: boolean | undefined;
  let dialogToken: DialogToken | undefined;
  const inFlight = new Map<string, Promise<string>>();
  // What the self-check reports: the route of the last token and the scopes MSAL said it granted.
  let lastMode: SignInMode | undefined;
  let granted: readonly string[] | undefined;

  function supportsNaa(): boolean {
    naaSupported ??= deps.isSetSupported("NestedAppAuth", "1.1");
    return naaSupported;
  }

  function msal(): Promise<MsalClient> {
    client ??= deps.createClient().catch((e: unknown) => {
      client = undefined; // let the next call try again
      throw e;
    });
    return client;
  }

  function claimsPart(claims: string | undefined): { claims?: string } {
    return claims ? { claims } : {};
  }

  function hintPart(account: AccountInfo | undefined): { loginHint?: string } {
    const hint = account ? undefined : deps.loginHint?.();
    return hint ? { loginHint: hint } : {};
  }

  function remember(app: MsalClient, result: AuthenticationResult): string {
    app.setActiveAccount(result.account);
    lastMode = "naa";
    // MSAL lists the granted scopes; a result without them (an older bridge) leaves the list unknown.
    granted = Array.isArray(result.scopes) ? [...result.scopes] : undefined;
    return result.accessToken;
  }

  function knownAccount(app: MsalClient): AccountInfo | undefined {
    return app.getActiveAccount() ?? app.getAllAccounts()[0];
  }

  async function silent(app: MsalClient, claims: string | undefined): Promise<string> {
    const account = knownAccount(app);
    const result = account
      ? await app.acquireTokenSilent({ scopes, account, ...claimsPart(claims) })
      : await app.ssoSilent({ scopes, ...hintPart(account), ...claimsPart(claims) });
    return remember(app, result);
  }

  async function popup(app: MsalClient, claims: string | undefined): Promise<string> {
    const account = knownAccount(app);
    const result = await app.acquireTokenPopup({
      scopes,
      ...(account ? { account } : hintPart(account)),
      ...claimsPart(claims),
    });
    return remember(app, result);
  }

  async function viaDialog(claims: string | undefined): Promise<string> {
    let text: string;
    try {
      text = await deps.openDialogAuth(dialogRequestUrl(deps.dialogUrl ?? DEFAULT_DIALOG_URL, claims));
    } catch (e) {
      throw toAuthAppError(e);
    }
    const token = readDialogResult(text, now());
    dialogToken = token;
    lastMode = "dialog";
    granted = undefined; // the dialog passes the token on, not the scopes it was granted
    return token.accessToken;
  }

  async function climb(claims: string | undefined, interactiveOnly: boolean): Promise<string> {
    if (!supportsNaa()) return viaDialog(claims);
    let app: MsalClient;
    try {
      app = await msal();
    } catch (e) {
      if (ruleFor(e).step === "dialog") return viaDialog(claims);
      throw toAuthAppError(e);
    }
    if (!interactiveOnly) {
      try {
        return await silent(app, claims);
      } catch (e) {
        const step = ruleFor(e).step;
        if (step === "dialog") return viaDialog(claims);
        if (step !== "interactive") throw toAuthAppError(e);
      }
    }
    try {
      return await popup(app, claims);
    } catch (e) {
      if (ruleFor(e).step === "dialog") return viaDialog(claims);
      throw toAuthAppError(e);
    }
  }

  /** Concurrent callers share one attempt, so ten Graph calls at once open at most one popup or dialog. */
  function once(key: string, attempt: () => Promise<string>): Promise<string> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = attempt().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  return {
    getAccessToken(options: TokenRequestOptions = {}): Promise<string> {
      const { claims } = options;
      if (!claims && dialogToken && dialogToken.expiresAt - now() > EXPIRY_MARGIN_MS) {
        return Promise.resolve(dialogToken.accessToken);
      }
      return once(`silent:${claims ?? ""}`, () => climb(claims, false));
    },
    signInInfo(): SignInInfo {
      return {
        requested: scopes,
        ...(lastMode ? { mode: lastMode } : {}),
        ...(granted ? { granted } : {}),
      };
    },
    async signIn(): Promise<void> {
      dialogToken = undefined;
      await once("interactive", () => climb(undefined, true));
    },
  };
}

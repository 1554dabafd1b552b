// Getting a Graph token in Outlook, from the cheapest way to the most intrusive:
//   1. nested app authentication (NAA), silently: MSAL's cache or the Outlook host's own sign-in;
//   2. NAA popup, when the user must act (consent, MFA, a claims challenge);
//   3. the Office dialog, where NAA is unsupported (requirement set NestedAppAuth 1.1) or the popup is blocked.
// Sign-in asks for the mail scopes only. A request may name extra scopes (incremental consent: the Graph adapter
// names GroupMember.Read.All on member counts); the ladder then asks for a token with them, which prompts for
// consent the first time, and a refusal becomes AppError "consentRequired" for that request alone.
// Everything outside is injected (MSAL client, Office's requirement check, the dialog), so this file touches no
// DOM and no Office global and is tested with fakes. It logs nothing: tokens, claims and accounts are sensitive.
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { AppError, isAppError } from "../domain/errors";
import { ruleFor, toAuthAppError } from "./authErrors";
import { DEFAULT_DIALOG_URL, dialogRequestUrl } from "../ports/dialogAuth";
import type { OpenDialogAuth } from "../ports/dialogAuth";
import { readDialogResult } from "./dialogToken";
import type { DialogToken } from "./dialogToken";
import type { MsalClient } from "./msalClient";
import { GRAPH_SCOPES, extraScopes, scopesWith } from "./scopes";
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
  /** The sign-in's scopes (default GRAPH_SCOPES: mail only). */
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
  const baseScopes = [...(deps.scopes ?? GRAPH_SCOPES)];
  const now = deps.now ?? Date.now;
  let client: Promise<MsalClient> | undefined;
  let naaSupported: boolean | undefined;
  /** Dialog tokens by their extra scopes ("" for the sign-in's own). */
  const dialogTokens = new Map<string, DialogToken>();
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

  async function silent(app: MsalClient, scopes: string[], claims: string | undefined): Promise<string> {
    const account = knownAccount(app);
    const result = account
      ? await app.acquireTokenSilent({ scopes, account, ...claimsPart(claims) })
      : await app.ssoSilent({ scopes, ...hintPart(account), ...claimsPart(claims) });
    return remember(app, result);
  }

  async function popup(app: MsalClient, scopes: string[], claims: string | undefined): Promise<string> {
    const account = knownAccount(app);
    const result = await app.acquireTokenPopup({
      scopes,
      ...(account ? { account } : hintPart(account)),
      ...claimsPart(claims),
    });
    return remember(app, result);
  }

  async function viaDialog(extra: string[], claims: string | undefined): Promise<string> {
    let text: string;
    try {
      text = await deps.openDialogAuth(dialogRequestUrl(deps.dialogUrl ?? DEFAULT_DIALOG_URL, claims, extra));
    } catch (e) {
      throw toAuthAppError(e);
    }
    const token = readDialogResult(text, now());
    dialogTokens.set(extra.join(" "), token);
    lastMode = "dialog";
    granted = undefined; // the dialog passes the token on, not the scopes it was granted
    return token.accessToken;
  }

  async function climb(
    extra: string[],
    claims: string | undefined,
    interactiveOnly: boolean,
  ): Promise<string> {
    if (!supportsNaa()) return viaDialog(extra, claims);
    const scopes = scopesWith(baseScopes, extra);
    let app: MsalClient;
    try {
      app = await msal();
    } catch (e) {
      if (ruleFor(e).step === "dialog") return viaDialog(extra, claims);
      throw toAuthAppError(e);
    }
    if (!interactiveOnly) {
      try {
        return await silent(app, scopes, claims);
      } catch (e) {
        const step = ruleFor(e).step;
        if (step === "dialog") return viaDialog(extra, claims);
        if (step !== "interactive") throw toAuthAppError(e);
      }
    }
    try {
      return await popup(app, scopes, claims);
    } catch (e) {
      if (ruleFor(e).step === "dialog") return viaDialog(extra, claims);
      throw toAuthAppError(e);
    }
  }

  /**
   * For a request with extra scopes, the person saying no (or an administrator's consent that is missing) is a
   * refused consent for those scopes, not a failed sign-in: the rest of the pane keeps its token and works.
   */
  function asRefusedConsent(extra: string[], e: unknown): unknown {
    if (extra.length === 0 || !isAppError(e)) return e;
    if (e.code !== "unauthenticated" && e.code !== "consentRequired") return e;
    return new AppError("consentRequired", `Consent for ${extra.join(" ")} was not given`, {
      cause: e,
      nextStep: e.nextStep,
      details: { scopes: extra.join(" ") },
    });
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
      const extra = extraScopes(options.scopes);
      const key = extra.join(" ");
      const dialogToken = dialogTokens.get(key);
      if (!claims && dialogToken && dialogToken.expiresAt - now() > EXPIRY_MARGIN_MS) {
        return Promise.resolve(dialogToken.accessToken);
      }
      return once(`silent:${key}:${claims ?? ""}`, () =>
        climb(extra, claims, false).catch((e: unknown) => {
          throw asRefusedConsent(extra, e);
        }),
      );
    },
    signInInfo(): SignInInfo {
      return {
        requested: baseScopes,
        ...(lastMode ? { mode: lastMode } : {}),
        ...(granted ? { granted } : {}),
      };
    },
    async signIn(): Promise<void> {
      dialogTokens.clear();
      await once("interactive", () => climb([], undefined, true));
    },
  };
}

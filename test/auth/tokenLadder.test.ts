import { BrowserAuthError, ClientAuthError, InteractionRequiredAuthError } from "@azure/msal-browser";
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { AppError } from "../../src/domain/errors";
import { withClaimsChallenge } from "../../src/auth/claimsChallenge";
import { DialogAuthFailure, serializeDialogMessage } from "../../src/ports/dialogAuth";
import type { MsalClient } from "../../src/auth/msalClient";
import { GRAPH_SCOPES } from "../../src/auth/scopes";
import { createTokenLadder } from "../../src/auth/tokenLadder";
import type { TokenLadderDeps } from "../../src/auth/tokenLadder";

const account = {
  homeAccountId: "home",
  environment: "login.example",
  tenantId: "tenant",
  username: "someone",
  localAccountId: "local",
} as AccountInfo;

function result(accessToken: string): AuthenticationResult {
  return { accessToken, account, expiresOn: new Date(Date.UTC(2026, 10, 27, 15)) } as AuthenticationResult;
}

const NOW = Date.UTC(2026, 10, 27, 14);

/** A stand-in for MSAL's nestable client at the ladder's edge: each method a jest mock, no module mocking. */
function fakeMsal(options: { signedIn?: boolean } = {}) {
  let active: AccountInfo | null = options.signedIn ? account : null;
  return {
    acquireTokenSilent: jest.fn<
      ReturnType<MsalClient["acquireTokenSilent"]>,
      Parameters<MsalClient["acquireTokenSilent"]>
    >(async () => result("silent-token")),
    ssoSilent: jest.fn<ReturnType<MsalClient["ssoSilent"]>, Parameters<MsalClient["ssoSilent"]>>(async () =>
      result("sso-token"),
    ),
    acquireTokenPopup: jest.fn<
      ReturnType<MsalClient["acquireTokenPopup"]>,
      Parameters<MsalClient["acquireTokenPopup"]>
    >(async () => result("popup-token")),
    getActiveAccount: jest.fn(() => active),
    getAllAccounts: jest.fn((): AccountInfo[] => (active ? [active] : [])),
    setActiveAccount: jest.fn((a: AccountInfo | null) => {
      active = a;
    }),
  };
}

type FakeMsal = ReturnType<typeof fakeMsal>;

const dialogSuccess = (token: string, expiresOn = "2026-11-27T15:00:00Z") =>
  serializeDialogMessage({ type: "pregon-auth", ok: true, accessToken: token, expiresOn });

function ladder(msal: FakeMsal, overrides: Partial<TokenLadderDeps> = {}) {
  const deps = {
    createClient: jest.fn(async (): Promise<MsalClient> => msal),
    isSetSupported: jest.fn(() => true),
    openDialogAuth: jest.fn(async (_url: string) => dialogSuccess("dialog-token")),
    now: () => NOW,
    ...overrides,
  };
  return { provider: createTokenLadder(deps), deps };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error("expected an AppError", { cause: e });
  }
  throw new Error("expected a rejection");
}

describe("token ladder: silent first", () => {
  it("returns the silent token for a known account, with the configured scopes", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider, deps } = ladder(msal);
    await expect(provider.getAccessToken()).resolves.toBe("silent-token");
    expect(deps.isSetSupported).toHaveBeenCalledWith("NestedAppAuth", "1.1");
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES], account });
    expect(msal.acquireTokenPopup).not.toHaveBeenCalled();
    expect(deps.openDialogAuth).not.toHaveBeenCalled();
  });

  it("uses ssoSilent (with the mailbox as login hint) when MSAL knows no account, then remembers it", async () => {
    const msal = fakeMsal();
    const { provider } = ladder(msal, { loginHint: () => "user@universidad.example" });
    await expect(provider.getAccessToken()).resolves.toBe("sso-token");
    expect(msal.ssoSilent).toHaveBeenCalledWith({
      scopes: [...GRAPH_SCOPES],
      loginHint: "user@universidad.example",
    });
    expect(msal.setActiveAccount).toHaveBeenCalledWith(account);
    await provider.getAccessToken();
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(1);
  });

  it("creates the MSAL client once", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider, deps } = ladder(msal);
    await provider.getAccessToken();
    await provider.getAccessToken();
    expect(deps.createClient).toHaveBeenCalledTimes(1);
  });
});

describe("token ladder: popup when interaction is required", () => {
  it("falls to the popup on InteractionRequiredAuthError", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    const { provider, deps } = ladder(msal);
    await expect(provider.getAccessToken()).resolves.toBe("popup-token");
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES], account });
    expect(deps.openDialogAuth).not.toHaveBeenCalled();
  });

  it("opens one popup for concurrent callers", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("consent_required", ""));
    const { provider } = ladder(msal);
    const tokens = await Promise.all([
      provider.getAccessToken(),
      provider.getAccessToken(),
      provider.getAccessToken(),
    ]);
    expect(tokens).toEqual(["popup-token", "popup-token", "popup-token"]);
    expect(msal.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it("does not open a dialog after the user cancels the popup", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    msal.acquireTokenPopup.mockRejectedValue(new BrowserAuthError("user_cancelled", ""));
    const { provider, deps } = ladder(msal);
    const error = await rejection(provider.getAccessToken());
    expect(error).toMatchObject({ code: "unauthenticated", nextStep: "signIn" });
    expect(deps.openDialogAuth).not.toHaveBeenCalled();
  });

  it("maps a consent the popup could not obtain to consentRequired", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    msal.acquireTokenPopup.mockRejectedValue(new InteractionRequiredAuthError("consent_required", ""));
    const error = await rejection(ladder(msal).provider.getAccessToken());
    expect(error).toMatchObject({ code: "consentRequired", nextStep: "signIn" });
  });
});

describe("token ladder: Office dialog fallback", () => {
  it("uses the dialog when the popup is blocked", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    msal.acquireTokenPopup.mockRejectedValue(new BrowserAuthError("popup_window_error", ""));
    const { provider, deps } = ladder(msal, { dialogUrl: "https://addin.universidad.example/dialog.html" });
    await expect(provider.getAccessToken()).resolves.toBe("dialog-token");
    expect(deps.openDialogAuth).toHaveBeenCalledWith("https://addin.universidad.example/dialog.html");
  });

  it("uses the dialog, and never MSAL, when NestedAppAuth 1.1 is unsupported", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider, deps } = ladder(msal, { isSetSupported: jest.fn(() => false) });
    await expect(provider.getAccessToken()).resolves.toBe("dialog-token");
    expect(deps.openDialogAuth).toHaveBeenCalledWith("dialog.html");
    expect(deps.createClient).not.toHaveBeenCalled();
  });

  it("reuses the dialog's token until close to its expiry", async () => {
    let now = NOW;
    const { provider, deps } = ladder(fakeMsal(), { isSetSupported: () => false, now: () => now });
    await provider.getAccessToken();
    now = Date.parse("2026-11-27T14:50:00Z");
    await provider.getAccessToken();
    expect(deps.openDialogAuth).toHaveBeenCalledTimes(1);
    now = Date.parse("2026-11-27T14:56:00Z");
    await provider.getAccessToken();
    expect(deps.openDialogAuth).toHaveBeenCalledTimes(2);
  });

  it("accepts a bare token from an adapter that unwrapped the message itself", async () => {
    const { provider } = ladder(fakeMsal(), {
      isSetSupported: () => false,
      openDialogAuth: async () => "bare-token",
    });
    await expect(provider.getAccessToken()).resolves.toBe("bare-token");
  });

  it("falls to the dialog when the NAA bridge turns out to be disabled", async () => {
    const msal = fakeMsal();
    msal.ssoSilent.mockRejectedValue(new ClientAuthError("nested_app_auth_bridge_disabled", ""));
    const { provider, deps } = ladder(msal);
    await expect(provider.getAccessToken()).resolves.toBe("dialog-token");
    expect(deps.openDialogAuth).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["the dialog page reports a cancelled sign-in", "user_cancelled", "unauthenticated", "signIn"],
    ["the dialog page reports missing consent", "consent_required", "consentRequired", "signIn"],
  ])("%s", async (_title, errorCode, code, nextStep) => {
    const openDialogAuth = async () => serializeDialogMessage({ type: "pregon-auth", ok: false, errorCode });
    const error = await rejection(
      ladder(fakeMsal(), { isSetSupported: () => false, openDialogAuth }).provider.getAccessToken(),
    );
    expect(error).toMatchObject({ code, nextStep, details: { authErrorCode: errorCode } });
  });

  it("the user closing the dialog asks them to sign in", async () => {
    const openDialogAuth = async (): Promise<string> => {
      throw new DialogAuthFailure("dialog_closed");
    };
    const error = await rejection(
      ladder(fakeMsal(), { isSetSupported: () => false, openDialogAuth }).provider.getAccessToken(),
    );
    expect(error).toMatchObject({ code: "unauthenticated", nextStep: "signIn" });
  });

  it("an AppError from the Office adapter passes through unchanged", async () => {
    const officeError = new AppError("officeUnsupported", "Dialog API unavailable");
    const openDialogAuth = async (): Promise<string> => {
      throw officeError;
    };
    const error = await rejection(
      ladder(fakeMsal(), { isSetSupported: () => false, openDialogAuth }).provider.getAccessToken(),
    );
    expect(error).toBe(officeError);
  });

  it("a message that is not the protocol is a failed dialog", async () => {
    const openDialogAuth = async () => '{"type":"something-else"}';
    const error = await rejection(
      ladder(fakeMsal(), { isSetSupported: () => false, openDialogAuth }).provider.getAccessToken(),
    );
    expect(error).toMatchObject({
      code: "unknown",
      nextStep: "retry",
      details: { authErrorCode: "dialog_failed" },
    });
  });
});

describe("token ladder: claims challenge", () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';

  it("asks MSAL again with the claims, silently first", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider } = ladder(msal);
    await expect(provider.getAccessToken({ claims })).resolves.toBe("silent-token");
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES], account, claims });
  });

  it("goes interactive with the claims when the silent attempt cannot satisfy them", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    const { provider } = ladder(msal);
    await expect(provider.getAccessToken({ claims })).resolves.toBe("popup-token");
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ claims }));
  });

  it("passes the claims to the dialog and bypasses its cached token", async () => {
    const { provider, deps } = ladder(fakeMsal(), { isSetSupported: () => false });
    await provider.getAccessToken();
    await provider.getAccessToken({ claims });
    expect(deps.openDialogAuth).toHaveBeenCalledTimes(2);
    expect(deps.openDialogAuth).toHaveBeenLastCalledWith(`dialog.html?claims=${encodeURIComponent(claims)}`);
  });
});

describe("token ladder with withClaimsChallenge (what the Graph adapter's auth middleware does)", () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1767225600"}}}';
  const challenged = {
    status: 401,
    headers: {
      get: () => `Bearer realm="", error="insufficient_claims", claims="${btoa(claims)}"`,
    },
  };
  const ok = { status: 200, headers: { get: () => null } };

  it("re-acquires with the claims once and the retried request succeeds", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent
      .mockResolvedValueOnce(result("revoked-token"))
      .mockRejectedValueOnce(new InteractionRequiredAuthError("interaction_required", ""));
    msal.acquireTokenPopup.mockResolvedValueOnce(result("fresh-token"));
    const { provider } = ladder(msal);
    const send = jest.fn(async (token: string) => (token === "revoked-token" ? challenged : ok));
    await expect(withClaimsChallenge(provider, send)).resolves.toBe(ok);
    expect(send.mock.calls.map(([token]) => token)).toEqual(["revoked-token", "fresh-token"]);
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ claims }));
  });

  it("a second challenge is not retried: two sends, two token requests, then the 401", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider } = ladder(msal);
    const send = jest.fn(async (_token: string) => challenged);
    await expect(withClaimsChallenge(provider, send)).resolves.toBe(challenged);
    expect(send).toHaveBeenCalledTimes(2);
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });
});

describe("token ladder: failures", () => {
  it("a network failure during the silent step is a network error with retry", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new ClientAuthError("no_network_connectivity", ""));
    const error = await rejection(ladder(msal).provider.getAccessToken());
    expect(error).toMatchObject({ code: "network", nextStep: "retry" });
    expect(msal.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("an MSAL client that cannot be created is retried on the next call", async () => {
    const msal = fakeMsal({ signedIn: true });
    const createClient = jest
      .fn<Promise<MsalClient>, []>()
      .mockRejectedValueOnce(new Error("boom"))
      .mockResolvedValue(msal);
    const { provider } = ladder(msal, { createClient });
    await expect(rejection(provider.getAccessToken())).resolves.toMatchObject({ code: "unknown" });
    await expect(provider.getAccessToken()).resolves.toBe("silent-token");
  });
});

describe("signInInfo (for the Diagnostics self-check)", () => {
  it("reports NAA and the scopes MSAL granted, after a token was handed out", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockResolvedValue({
      ...result("silent-token"),
      scopes: ["Mail.ReadWrite", "Mail.Send"],
    } as AuthenticationResult);
    const { provider } = ladder(msal);
    expect(provider.signInInfo()).toEqual({ requested: [...GRAPH_SCOPES] });
    await provider.getAccessToken();
    expect(provider.signInInfo()).toEqual({
      mode: "naa",
      requested: [...GRAPH_SCOPES],
      granted: ["Mail.ReadWrite", "Mail.Send"],
    });
  });

  it("reports the dialog, without granted scopes, where NAA is unsupported", async () => {
    const { provider } = ladder(fakeMsal(), { isSetSupported: () => false });
    await provider.getAccessToken();
    expect(provider.signInInfo()).toEqual({ mode: "dialog", requested: [...GRAPH_SCOPES] });
  });
});

describe("signIn", () => {
  it("skips the silent step and goes straight to the popup", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider } = ladder(msal);
    await provider.signIn();
    expect(msal.acquireTokenSilent).not.toHaveBeenCalled();
    expect(msal.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it("forgets the dialog token so the dialog opens again", async () => {
    const { provider, deps } = ladder(fakeMsal(), { isSetSupported: () => false });
    await provider.getAccessToken();
    await provider.signIn();
    expect(deps.openDialogAuth).toHaveBeenCalledTimes(2);
  });
});

describe("token ladder: incremental consent (GroupMember.Read.All only when IT first counts members)", () => {
  const GROUPS = ["GroupMember.Read.All"];
  const WITH_GROUPS = [...GRAPH_SCOPES, "GroupMember.Read.All"];

  it("the default sign-in asks for the mail scopes only", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("interaction_required", ""));
    const { provider } = ladder(msal);
    await provider.getAccessToken();
    await provider.signIn();
    const asked = [...msal.acquireTokenSilent.mock.calls, ...msal.acquireTokenPopup.mock.calls].map(
      ([request]) => request.scopes,
    );
    expect(asked.length).toBeGreaterThan(0);
    for (const scopes of asked) {
      expect(scopes).toEqual([...GRAPH_SCOPES]);
      expect(scopes.every((s) => s.startsWith("Mail."))).toBe(true);
    }
  });

  it("the first member count asks for GroupMember.Read.All: silently if consented, else with the consent popup", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider } = ladder(msal);
    await expect(provider.getAccessToken()).resolves.toBe("silent-token");
    // Not consented yet: the silent request for the extra scope needs the person.
    msal.acquireTokenSilent.mockImplementation(async (request) => {
      if (request.scopes.includes("GroupMember.Read.All"))
        throw new InteractionRequiredAuthError("consent_required", "");
      return result("silent-token");
    });
    await expect(provider.getAccessToken({ scopes: GROUPS })).resolves.toBe("popup-token");
    expect(msal.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes: WITH_GROUPS, account });
    expect(msal.acquireTokenPopup).toHaveBeenCalledTimes(1);
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith({ scopes: WITH_GROUPS, account });
  });

  it("a refused consent is 'consentRequired' for that request only; mail requests keep working", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockImplementation(async (request) => {
      if (request.scopes.includes("GroupMember.Read.All"))
        throw new InteractionRequiredAuthError("consent_required", "");
      return result("silent-token");
    });
    msal.acquireTokenPopup.mockRejectedValue(new BrowserAuthError("user_cancelled", ""));
    const { provider, deps } = ladder(msal);

    const refused = await rejection(provider.getAccessToken({ scopes: GROUPS }));
    expect(refused.code).toBe("consentRequired");
    expect(refused.details).toEqual({ scopes: "GroupMember.Read.All" });
    expect(deps.openDialogAuth).not.toHaveBeenCalled();
    await expect(provider.getAccessToken()).resolves.toBe("silent-token");
  });

  it("an administrator's consent that is missing is 'consentRequired' with 'contact your administrator'", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new InteractionRequiredAuthError("consent_required", ""));
    msal.acquireTokenPopup.mockRejectedValue(new InteractionRequiredAuthError("access_denied", ""));
    const { provider } = ladder(msal);
    const refused = await rejection(provider.getAccessToken({ scopes: GROUPS }));
    expect(refused).toMatchObject({ code: "consentRequired", nextStep: "contactAdmin" });
  });

  it("a network failure while asking stays a network failure (nothing was refused)", async () => {
    const msal = fakeMsal({ signedIn: true });
    msal.acquireTokenSilent.mockRejectedValue(new BrowserAuthError("no_network_connectivity", ""));
    const { provider } = ladder(msal);
    await expect(rejection(provider.getAccessToken({ scopes: GROUPS }))).resolves.toMatchObject({
      code: "network",
    });
  });

  it("ignores extra scopes that are not allowed (a request cannot widen what Pregón asks for)", async () => {
    const msal = fakeMsal({ signedIn: true });
    const { provider } = ladder(msal);
    await provider.getAccessToken({ scopes: ["Directory.ReadWrite.All"] });
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES], account });
  });

  it("through the Office dialog: the extra scope travels in the URL, and the mail-only token is not reused for it", async () => {
    const msal = fakeMsal();
    const openDialogAuth = jest.fn(async (url: string) =>
      dialogSuccess(url.includes("scopes=") ? "dialog-groups-token" : "dialog-mail-token"),
    );
    const { provider } = ladder(msal, {
      isSetSupported: () => false,
      openDialogAuth,
      dialogUrl: "dialog.html",
    });
    await expect(provider.getAccessToken()).resolves.toBe("dialog-mail-token");
    await expect(provider.getAccessToken({ scopes: GROUPS })).resolves.toBe("dialog-groups-token");
    await expect(provider.getAccessToken({ scopes: GROUPS })).resolves.toBe("dialog-groups-token");
    await expect(provider.getAccessToken()).resolves.toBe("dialog-mail-token");
    expect(openDialogAuth.mock.calls.map(([url]) => url)).toEqual([
      "dialog.html",
      "dialog.html?scopes=GroupMember.Read.All",
    ]);
  });
});

// The MSAL part of the dialog page, with a fake MSAL client: first load starts the redirect (with the claims the
// taskpane passed), the second load turns the response into the message for the taskpane.
import type { AuthenticationResult } from "@azure/msal-browser";
import { parseDialogMessage } from "../../src/ports/dialogAuth";
import { dialogMsalConfiguration, signInInDialog } from "../../src/auth/dialogSignIn";
import type { DialogMsalClient } from "../../src/auth/dialogSignIn";
import { GRAPH_SCOPES } from "../../src/auth/scopes";

const settings = { clientId: "d3d0d3d0-0000-4000-8000-0000000000de", tenantId: "organizations" };
const redirectUri = "https://addins.example.edu/pregon/dialog.html";

function fakeClient(redirectResult: Partial<AuthenticationResult> | null | Error) {
  const client = {
    handleRedirectPromise: jest.fn(async () => {
      if (redirectResult instanceof Error) throw redirectResult;
      return redirectResult as AuthenticationResult | null;
    }),
    acquireTokenRedirect: jest.fn(async () => undefined),
  };
  return { client, createClient: jest.fn(async () => client as unknown as DialogMsalClient) };
}

describe("dialogMsalConfiguration", () => {
  it("is the taskpane's configuration with this page as redirect and a per-window cache", () => {
    expect(dialogMsalConfiguration(settings, redirectUri)).toEqual({
      auth: {
        clientId: settings.clientId,
        authority: "https://login.microsoftonline.com/organizations",
        clientCapabilities: ["CP1"],
        redirectUri,
      },
      cache: { cacheLocation: "sessionStorage" },
    });
  });
});

describe("signInInDialog", () => {
  it("starts the redirect on first load, with the Graph scopes and the claims from the URL", async () => {
    const { client, createClient } = fakeClient(null);
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    const message = await signInInDialog({
      settings,
      redirectUri,
      search: `?claims=${encodeURIComponent(claims)}`,
      createClient,
    });
    expect(message).toBeUndefined();
    expect(client.handleRedirectPromise).toHaveBeenCalledWith({ navigateToLoginRequestUrl: false });
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES], claims });
    expect(createClient).toHaveBeenCalledWith(dialogMsalConfiguration(settings, redirectUri));
  });

  it("asks for no claims when the URL carries none", async () => {
    const { client, createClient } = fakeClient(null);
    await signInInDialog({ settings, redirectUri, search: "", createClient });
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: [...GRAPH_SCOPES] });
  });

  it("adds the incremental scope the taskpane names in the URL, and only an allowed one", async () => {
    const { client, createClient } = fakeClient(null);
    const search = `?scopes=${encodeURIComponent("GroupMember.Read.All Directory.ReadWrite.All")}`;
    await signInInDialog({ settings, redirectUri, search, createClient });
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: [...GRAPH_SCOPES, "GroupMember.Read.All"],
    });
  });

  it("answers with the token and its expiry when the identity platform sends the window back", async () => {
    const expiresOn = new Date("2030-05-01T12:00:00Z");
    const { client, createClient } = fakeClient({ accessToken: "eyJ0.token", expiresOn });
    const message = await signInInDialog({ settings, redirectUri, search: "", createClient });
    expect(message).toEqual({
      type: "pregon-auth",
      ok: true,
      accessToken: "eyJ0.token",
      expiresOn: "2030-05-01T12:00:00.000Z",
    });
    expect(client.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("answers with MSAL's error code only (never its message) when sign-in failed", async () => {
    const failure = Object.assign(new Error("AADSTS65001: user ana@uni.example did not consent"), {
      errorCode: "consent_required",
    });
    const { createClient } = fakeClient(failure);
    const message = await signInInDialog({ settings, redirectUri, search: "", createClient });
    expect(message).toEqual({ type: "pregon-auth", ok: false, errorCode: "consent_required" });
    expect(JSON.stringify(message)).not.toContain("ana@");
  });

  it("answers dialog_failed for an error without a code, or a response without a token", async () => {
    const broken = fakeClient(new Error("boom"));
    await expect(
      signInInDialog({ settings, redirectUri, search: "", createClient: broken.createClient }),
    ).resolves.toEqual({ type: "pregon-auth", ok: false, errorCode: "dialog_failed" });
    const empty = fakeClient({ accessToken: "", expiresOn: new Date() });
    const message = await signInInDialog({
      settings,
      redirectUri,
      search: "",
      createClient: empty.createClient,
    });
    expect(message).toMatchObject({ ok: false, errorCode: "dialog_failed" });
  });

  it("produces messages the taskpane's parser accepts", async () => {
    const { createClient } = fakeClient({ accessToken: "t", expiresOn: new Date("2030-01-01T00:00:00Z") });
    const message = await signInInDialog({ settings, redirectUri, search: "", createClient });
    expect(parseDialogMessage(JSON.stringify(message))).toEqual(message);
  });
});

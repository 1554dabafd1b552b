import { createNaaTokenProvider } from "../../src/auth/createTokenProvider";
import { serializeDialogMessage } from "../../src/auth/dialogProtocol";
import { msalConfiguration } from "../../src/auth/msalClient";
import { GRAPH_SCOPES } from "../../src/auth/scopes";

describe("msalConfiguration", () => {
  it("points MSAL at the configured tenant and declares CAE support", () => {
    expect(
      msalConfiguration({ clientId: "d3d0d3d0-0000-4000-8000-0000000000de", tenantId: "organizations" }),
    ).toEqual({
      auth: {
        clientId: "d3d0d3d0-0000-4000-8000-0000000000de",
        authority: "https://login.microsoftonline.com/organizations",
        clientCapabilities: ["CP1"],
      },
    });
  });
});

describe("createNaaTokenProvider", () => {
  it("uses the configured dialog page, and does not build MSAL, where NAA is unsupported", async () => {
    const openDialogAuth = jest.fn(async () =>
      serializeDialogMessage({
        type: "pregon-auth",
        ok: true,
        accessToken: "t",
        expiresOn: "2099-01-01T00:00:00Z",
      }),
    );
    const provider = createNaaTokenProvider(
      {
        clientId: "d3d0d3d0-0000-4000-8000-0000000000de",
        tenantId: "organizations",
        dialogUrl: "auth/dialog.html",
      },
      { isSetSupported: () => false, openDialogAuth },
    );
    await expect(provider.getAccessToken()).resolves.toBe("t");
    expect(openDialogAuth).toHaveBeenCalledWith("auth/dialog.html");
  });
});

describe("GRAPH_SCOPES", () => {
  it("asks for the five delegated permissions and nothing broader", () => {
    expect([...GRAPH_SCOPES].sort()).toEqual(
      [
        "GroupMember.Read.All",
        "Mail.ReadWrite",
        "Mail.ReadWrite.Shared",
        "Mail.Send",
        "Mail.Send.Shared",
      ].sort(),
    );
  });
});

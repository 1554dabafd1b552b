import { createNaaTokenProvider } from "../../src/auth/createTokenProvider";
import { serializeDialogMessage } from "../../src/ports/dialogAuth";
import { msalConfiguration } from "../../src/auth/msalClient";
import {
  GRAPH_SCOPES,
  GROUP_MEMBER_SCOPE,
  INCREMENTAL_SCOPES,
  extraScopes,
  scopesWith,
} from "../../src/auth/scopes";
import { GROUP_COUNT_SCOPES } from "../../src/graph/groups";

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
  it("asks at sign-in for the four mail permissions only (a Communications user is never asked for more)", () => {
    expect([...GRAPH_SCOPES].sort()).toEqual(
      ["Mail.ReadWrite", "Mail.ReadWrite.Shared", "Mail.Send", "Mail.Send.Shared"].sort(),
    );
    expect(GRAPH_SCOPES).not.toContain(GROUP_MEMBER_SCOPE);
  });

  it("allows GroupMember.Read.All only as an incremental scope, and nothing else", () => {
    expect(INCREMENTAL_SCOPES).toEqual(["GroupMember.Read.All"]);
    // The Graph adapter names the same scope on member counts (the folders do not import each other).
    expect(GROUP_COUNT_SCOPES).toEqual([GROUP_MEMBER_SCOPE]);
    expect(scopesWith(GRAPH_SCOPES, ["groupmember.read.all", "Directory.ReadWrite.All"])).toEqual([
      ...GRAPH_SCOPES,
      "GroupMember.Read.All",
    ]);
    expect(extraScopes(["Directory.ReadWrite.All"])).toEqual([]);
  });
});

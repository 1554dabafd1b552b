import { claimsChallengeOf, parseClaimsChallenge, withClaimsChallenge } from "../../src/auth/claimsChallenge";
import type { ChallengeableResponse } from "../../src/auth/claimsChallenge";
import type { TokenProvider, TokenRequestOptions } from "../../src/auth/tokenProvider";

const claims = '{"access_token":{"nbf":{"essential":true,"value":"1767225600"}}}';
const base64 = btoa(claims);
const base64url = base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function challenge(encoded = base64): string {
  return `Bearer realm="", authorization_uri="https://login.example/common/oauth2/authorize", error="insufficient_claims", claims="${encoded}"`;
}

function response(status: number, wwwAuthenticate?: string): ChallengeableResponse {
  return {
    status,
    headers: {
      get: (name) => (name.toLowerCase() === "www-authenticate" ? (wwwAuthenticate ?? null) : null),
    },
  };
}

describe("parseClaimsChallenge", () => {
  it("decodes the claims of an insufficient_claims challenge", () => {
    expect(parseClaimsChallenge(challenge())).toBe(claims);
  });

  it("accepts base64url without padding", () => {
    expect(parseClaimsChallenge(challenge(base64url))).toBe(claims);
  });

  it("decodes UTF-8 claims", () => {
    const text = '{"access_token":{"acrs":{"essential":true,"value":"c1ñ"}}}';
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    expect(parseClaimsChallenge(challenge(encoded))).toBe(text);
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["another scheme", `Basic realm="x", error="insufficient_claims", claims="${base64}"`],
    ["another error", `Bearer realm="", error="invalid_token", claims="${base64}"`],
    ["no claims", 'Bearer realm="", error="insufficient_claims"'],
    ["claims that are not base64", 'Bearer error="insufficient_claims", claims="not base64!"'],
    ["claims that are not a JSON object", `Bearer error="insufficient_claims", claims="${btoa("[1,2]")}"`],
  ])("ignores %s", (_title, header) => {
    expect(parseClaimsChallenge(header)).toBeUndefined();
  });
});

describe("claimsChallengeOf", () => {
  it("only a 401 carries a challenge", () => {
    expect(claimsChallengeOf(response(401, challenge()))).toBe(claims);
    expect(claimsChallengeOf(response(403, challenge()))).toBeUndefined();
    expect(claimsChallengeOf(response(401))).toBeUndefined();
  });
});

describe("withClaimsChallenge", () => {
  function tokens(): TokenProvider & { calls: (TokenRequestOptions | undefined)[] } {
    const calls: (TokenRequestOptions | undefined)[] = [];
    return {
      calls,
      getAccessToken: async (options?: TokenRequestOptions) => {
        calls.push(options);
        return options?.claims ? "token-with-claims" : "token";
      },
    };
  }

  it("sends once when there is no challenge", async () => {
    const provider = tokens();
    const send = jest.fn(async (_token: string) => response(200));
    await expect(withClaimsChallenge(provider, send)).resolves.toMatchObject({ status: 200 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(provider.calls).toEqual([undefined]);
  });

  it("retries once with a token carrying the claims, then succeeds", async () => {
    const provider = tokens();
    const send = jest
      .fn(async (_token: string) => response(200))
      .mockResolvedValueOnce(response(401, challenge()));
    await expect(withClaimsChallenge(provider, send)).resolves.toMatchObject({ status: 200 });
    expect(provider.calls).toEqual([undefined, { claims }]);
    expect(send.mock.calls.map(([token]) => token)).toEqual(["token", "token-with-claims"]);
  });

  it("does not retry a second challenge: the caller gets the 401", async () => {
    const provider = tokens();
    const send = jest.fn(async (_token: string) => response(401, challenge()));
    await expect(withClaimsChallenge(provider, send)).resolves.toMatchObject({ status: 401 });
    expect(send).toHaveBeenCalledTimes(2);
    expect(provider.calls).toHaveLength(2);
  });

  it("does not retry a 401 that is not a claims challenge", async () => {
    const provider = tokens();
    const send = jest.fn(async (_token: string) => response(401, 'Bearer error="invalid_token"'));
    await withClaimsChallenge(provider, send);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("lets a failed re-acquisition reject", async () => {
    const failure = new Error("consent needed");
    const provider: TokenProvider = {
      getAccessToken: async (options) => {
        if (options?.claims) throw failure;
        return "token";
      },
    };
    const send = jest.fn(async (_token: string) => response(401, challenge()));
    await expect(withClaimsChallenge(provider, send)).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

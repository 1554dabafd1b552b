// Continuous Access Evaluation: when Graph revokes a token early (password reset, location change, policy) it
// answers 401 with `WWW-Authenticate: Bearer …, error="insufficient_claims", claims="<base64 JSON>"`. The client
// must ask for a new token carrying those claims and retry the request once; retrying more would loop forever
// on a token that keeps being refused. Nothing here logs: claims and tokens are sensitive.
import type { TokenProvider } from "./tokenProvider";

/** The parts of a fetch Response this needs (structural, so it works with any HTTP client). */
export interface ChallengeableResponse {
  status: number;
  headers: { get(name: string): string | null };
}

/** `key="value"` and `key=token` pairs of an authentication challenge. */
function challengeParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const pair = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;
  for (const m of header.matchAll(pair)) {
    const key = (m[1] ?? "").toLowerCase();
    if (!params.has(key)) params.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? ""));
  }
  return params;
}

/** Base64 or base64url (padding optional) to UTF-8 text; undefined when it is not base64. */
function decodeBase64(value: string): string | undefined {
  const standard = value.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return undefined;
  const bare = standard.replace(/=+$/, "");
  if (bare.length % 4 === 1) return undefined;
  const padded = bare + "=".repeat((4 - (bare.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The claims request (JSON text, as MSAL's `claims` option wants it) of a CAE challenge; undefined when the
 * header is absent, is not a Bearer `insufficient_claims` challenge, or its claims do not decode to a JSON object.
 */
export function parseClaimsChallenge(header: string | null | undefined): string | undefined {
  if (!header || !/^\s*Bearer\b/i.test(header)) return undefined;
  const params = challengeParams(header);
  if (params.get("error") !== "insufficient_claims") return undefined;
  const encoded = params.get("claims");
  const claims = encoded ? decodeBase64(encoded) : undefined;
  if (!claims) return undefined;
  try {
    const parsed: unknown = JSON.parse(claims);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The claims challenge of a response: only a 401 with a CAE `WWW-Authenticate` header has one. */
export function claimsChallengeOf(response: ChallengeableResponse): string | undefined {
  return response.status === 401 ? parseClaimsChallenge(response.headers.get("WWW-Authenticate")) : undefined;
}

/**
 * Sends a request with a token; if Graph answers with a claims challenge, gets a token carrying those claims
 * (interactively if need be) and sends it exactly once more. A second challenge is returned to the caller as it
 * is, for its usual 401 handling. `send` must be safe to call twice (build the request inside it).
 */
export async function withClaimsChallenge<R extends ChallengeableResponse>(
  tokens: TokenProvider,
  send: (accessToken: string) => Promise<R>,
): Promise<R> {
  const first = await send(await tokens.getAccessToken());
  const claims = claimsChallengeOf(first);
  if (claims === undefined) return first;
  return send(await tokens.getAccessToken({ claims }));
}

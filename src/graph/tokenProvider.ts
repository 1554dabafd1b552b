// The only thing the Graph adapter knows about sign-in: something that hands out access tokens.
// MSAL lives in src/auth/; lint keeps it out of here, and this structural type is all the two share.
import type { SignInInfo } from "../ports/tenantProbe";

/** What the adapter may ask for when it needs a fresh token. */
export interface AccessTokenRequest {
  /**
   * A Continuous Access Evaluation claims challenge (decoded JSON) taken from a 401's `WWW-Authenticate`
   * header. A provider that supports it passes it to MSAL so that the next token satisfies the challenge;
   * a provider that ignores it simply returns a token again, and the 401 then reaches the user.
   */
  claims?: string;
  /**
   * Delegated scopes this request needs beyond the ones asked for at sign-in (incremental consent), e.g.
   * GroupMember.Read.All for directory member counts. The provider asks for them only when a request names
   * them, so a person who never needs them is never asked; if consent is refused it rejects with an AppError
   * "consentRequired".
   */
  scopes?: readonly string[];
}

export interface AccessTokenProvider {
  /** A bearer token for Microsoft Graph. May throw an AppError ("unauthenticated", "consentRequired"). */
  getAccessToken(request?: AccessTokenRequest): Promise<string>;
  /** How sign-in went so far (route, scopes asked for and granted), for the self-check; optional. */
  signInInfo?(): SignInInfo;
}

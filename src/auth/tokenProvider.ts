// The only thing the Graph adapter knows about sign-in: something that hands out an access token.
// src/graph declares its own identical structural type, so neither folder imports the other.
import type { SignInInfo } from "../ports/tenantProbe";

export interface TokenRequestOptions {
  /**
   * A decoded claims challenge (JSON text) from a 401 `WWW-Authenticate: … error="insufficient_claims"` response
   * (Continuous Access Evaluation). A token asked for with claims skips every cache.
   */
  claims?: string;
  /**
   * Scopes this request needs beyond the sign-in's (incremental consent, e.g. GroupMember.Read.All for member
   * counts; only those in INCREMENTAL_SCOPES are honoured). If the person refuses, or the scope needs an
   * administrator's consent that was not given, the provider rejects with AppError "consentRequired".
   */
  scopes?: readonly string[];
}

export interface TokenProvider {
  /** A bearer token for Microsoft Graph; rejects with an AppError (code "unauthenticated", "consentRequired", …). */
  getAccessToken(options?: TokenRequestOptions): Promise<string>;
  /** How sign-in went so far (route, scopes asked for and granted), for the self-check; never a token. */
  signInInfo?(): SignInInfo;
}

// Puts the bearer token on requests to our Graph base URL, and answers one CAE claims challenge.
//
// Tokens go only to the configured base URL's origin: an @odata.nextLink or an upload URL pointing anywhere
// else never receives one (upload URLs are pre-authenticated and must be sent without Authorization).
import type { Context } from "@microsoft/microsoft-graph-client";
import { AppError, isAppError } from "../../domain/errors";
import type { AccessTokenProvider } from "../tokenProvider";
import { ChainLink, discardResponse, requestHeaders, requestUrl } from "./context";
import { PipelineError } from "./pipelineError";

export class AuthHandler extends ChainLink {
  constructor(
    private readonly tokens: AccessTokenProvider,
    private readonly origin: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (new URL(requestUrl(context)).origin !== this.origin) {
      await this.next.execute(context);
      return;
    }
    await this.authorize(context);
    await this.next.execute(context);
    const claims = claimsChallengeOf(context.response);
    if (claims === undefined) return;
    await discardResponse(context);
    await this.authorize(context, claims);
    await this.next.execute(context);
  }

  private async authorize(context: Context, claims?: string): Promise<void> {
    let token: string;
    try {
      token = await this.tokens.getAccessToken(claims === undefined ? undefined : { claims });
    } catch (e) {
      // A provider that fails without saying why still means "no usable sign-in".
      throw new PipelineError(
        isAppError(e)
          ? e
          : new AppError("unauthenticated", "No access token for Microsoft Graph", { cause: e }),
      );
    }
    requestHeaders(context).set("Authorization", `Bearer ${token}`);
  }
}

/**
 * The decoded claims of a 401 `WWW-Authenticate: Bearer … error="insufficient_claims", claims="<base64>"`,
 * or undefined when the response is not such a challenge.
 */
export function claimsChallengeOf(response: Response | undefined): string | undefined {
  if (response?.status !== 401) return undefined;
  const header = response.headers.get("WWW-Authenticate") ?? "";
  if (!/error="insufficient_claims"/i.test(header)) return undefined;
  const encoded = /claims="([^"]+)"/i.exec(header)?.[1];
  if (!encoded) return undefined;
  try {
    return atob(encoded);
  } catch {
    return undefined;
  }
}

// At most N requests in flight per mailbox (Graph's mailbox concurrency limit is 4; beyond it, 429s).
//
// The place is held for one HTTP attempt only, not across a retry's wait, so a throttled request does not
// block the others of its mailbox while it sleeps.
import type { Context } from "@microsoft/microsoft-graph-client";
import { ChainLink, requestUrl } from "./context";
import { Semaphore } from "./semaphore";

export class MailboxConcurrencyHandler extends ChainLink {
  private readonly semaphores = new Map<string, Semaphore>();

  /** @param basePath path of the Graph base URL (e.g. "/v1.0"), so that the mailbox segment can be found. */
  constructor(
    private readonly limit: number,
    private readonly basePath: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const release = await this.semaphoreFor(mailboxKeyOf(requestUrl(context), this.basePath)).acquire();
    try {
      await this.next.execute(context);
    } finally {
      release();
    }
  }

  private semaphoreFor(key: string): Semaphore {
    let semaphore = this.semaphores.get(key);
    if (!semaphore) {
      semaphore = new Semaphore(this.limit);
      this.semaphores.set(key, semaphore);
    }
    return semaphore;
  }
}

/**
 * Which mailbox a URL talks to: "me", the address after /users/, "directory" for other Graph resources
 * (groups), or the host for URLs outside Graph (pre-authenticated upload URLs).
 */
export function mailboxKeyOf(url: string, basePath: string): string {
  const parsed = new URL(url);
  const base = basePath.replace(/\/+$/, "");
  if (!parsed.pathname.startsWith(`${base}/`)) return parsed.host;
  const [first, second] = parsed.pathname.slice(base.length + 1).split("/");
  if (first?.toLowerCase() === "me") return "me";
  if (first?.toLowerCase() === "users" && second) return decodeURIComponent(second).toLowerCase();
  return "directory";
}

// MailService over Microsoft Graph v1.0: the production adapter (the demo uses it too, against the emulator).
import { AppError } from "../domain/errors";
import type { MailAddress } from "../domain/types";
import type {
  CaseProps,
  CaseQuery,
  DraftInput,
  GetOptions,
  MailboxId,
  MailMessage,
  MailService,
  OutgoingOptions,
  Page,
  SentResult,
} from "../ports/mailService";
import { AttachmentCopier, DEFAULT_UPLOAD_CHUNK } from "./attachments";
import { ATTACHMENTS_EXPAND, LIST_SELECT, casePropertiesExpand, listCasesQuery } from "./caseQuery";
import { GROUP_COUNT_SCOPES, groupMemberCount, withScopes } from "./groups";
import type { GraphCollection, GraphMessage } from "./graphTypes";
import { toExtendedProperties, toMailMessage, toRecipient, toRecipients } from "./mappers";
import { queryString } from "./odata";
import { sendOutgoing } from "./outgoing";
import type { OutgoingDeps } from "./outgoing";
import { messagePath, messagesPath } from "./paths";
import { graphChain, uploadChain } from "./pipeline/chain";
import { systemClock } from "./pipeline/clock";
import type { Clock } from "./pipeline/clock";
import { RequestTraits } from "./pipeline/requestTraits";
import { DEFAULT_RETRY_POLICY } from "./pipeline/retryHandler";
import type { RetryPolicy } from "./pipeline/retryHandler";
import { DEFAULT_SENT_LOOKUP } from "./sentItems";
import type { SentLookupPolicy } from "./sentItems";
import type { AccessTokenProvider } from "./tokenProvider";
import { CUSTOM_HEADER_NAME } from "./properties";
import { GraphTransport } from "./transport";

export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

export interface GraphMailServiceOptions {
  /** Graph root including the version; default https://graph.microsoft.com/v1.0. */
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
  /** Time, sleep and jitter; tests inject a fake. */
  clock?: Partial<Clock>;
  /** Requests in flight per mailbox; Graph allows 4. */
  maxConcurrentPerMailbox?: number;
  /** Per-attempt wait for response headers. */
  timeoutMs?: number;
  /** Bytes per upload PUT; a multiple of 320 KiB. */
  uploadChunkSize?: number;
  /** How long to look for the Sent Items copy after a send. */
  sentLookup?: SentLookupPolicy;
}

const MESSAGE_SELECT = `${LIST_SELECT},bccRecipients`;

export class GraphMailService implements MailService {
  private readonly transport: GraphTransport;
  /** Directory calls: the same chain, with a token that also carries GroupMember.Read.All (see groups.ts). */
  private readonly directory: GraphTransport;
  private readonly attachments: AttachmentCopier;
  private readonly outgoing: OutgoingDeps;

  constructor(tokens: AccessTokenProvider, options: GraphMailServiceOptions = {}) {
    const baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL);
    const clock: Clock = { ...systemClock, ...options.clock };
    const chainOptions = {
      baseUrl,
      clock,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      maxConcurrentPerMailbox: options.maxConcurrentPerMailbox ?? 4,
      timeoutMs: options.timeoutMs ?? 60_000,
    };
    this.transport = new GraphTransport(baseUrl, graphChain(tokens, chainOptions), uploadChain(chainOptions));
    this.directory = new GraphTransport(
      baseUrl,
      graphChain(withScopes(tokens, GROUP_COUNT_SCOPES), chainOptions),
      uploadChain(chainOptions),
    );
    this.attachments = new AttachmentCopier(this.transport, options.uploadChunkSize ?? DEFAULT_UPLOAD_CHUNK);
    this.outgoing = {
      transport: this.transport,
      clock,
      sentLookup: options.sentLookup ?? DEFAULT_SENT_LOOKUP,
    };
  }

  async getMessage(mailbox: MailboxId, id: string, options: GetOptions = {}): Promise<MailMessage> {
    const expand = [casePropertiesExpand()];
    if (options.withAttachments) expand.push(ATTACHMENTS_EXPAND);
    let select = MESSAGE_SELECT;
    if (options.withBody) select += ",body";
    if (options.withHeaders) select += ",internetMessageHeaders";
    const query = queryString({ $select: select, $expand: expand.join(",") });
    const message = await this.transport.json<GraphMessage>({
      method: "GET",
      path: `${messagePath(mailbox, id)}${query}`,
    });
    return toMailMessage(message);
  }

  async writeCaseProps(
    mailbox: MailboxId,
    id: string,
    props: CaseProps,
    options: { categories?: string[]; ifMatch?: string } = {},
  ): Promise<{ etag?: string }> {
    const body: GraphMessage = { singleValueExtendedProperties: toExtendedProperties(props) };
    // Categories are replaced as a whole (Graph has no add/remove); the caller passes the full list.
    if (options.categories) body.categories = options.categories;
    const updated = await this.transport.json<GraphMessage>({
      method: "PATCH",
      path: messagePath(mailbox, id),
      body,
      headers: options.ifMatch ? { "If-Match": options.ifMatch } : {},
    });
    const etag = updated["@odata.etag"];
    return etag ? { etag } : {};
  }

  async listCases(mailbox: MailboxId, query: CaseQuery): Promise<Page<MailMessage>> {
    return this.page(`${messagesPath(mailbox, query.folder)}${listCasesQuery(query)}`);
  }

  async nextPage(next: string): Promise<Page<MailMessage>> {
    return this.page(next);
  }

  forward(mailbox: MailboxId, id: string, options: OutgoingOptions): Promise<SentResult> {
    return sendOutgoing(this.outgoing, "forward", mailbox, id, options);
  }

  reply(mailbox: MailboxId, id: string, options: OutgoingOptions): Promise<SentResult> {
    return sendOutgoing(this.outgoing, "reply", mailbox, id, options);
  }

  async createDraft(mailbox: MailboxId, draft: DraftInput): Promise<MailMessage> {
    const headers = Object.entries(draft.headers ?? {});
    const invalid = headers.find(([name]) => !CUSTOM_HEADER_NAME.test(name));
    if (invalid) {
      // Graph only accepts custom headers that start with x-; refused here, before anything is created.
      throw new AppError("badRequest", "Only x- internet headers can be set", {
        details: { field: "headers" },
      });
    }
    const body: GraphMessage = {
      subject: draft.subject,
      body: { contentType: "html", content: draft.bodyHtml },
      toRecipients: toRecipients(draft.to),
      bccRecipients: toRecipients(draft.bcc),
      singleValueExtendedProperties: toExtendedProperties(draft.caseProps),
    };
    if (draft.from) body.from = toRecipient(draft.from);
    if (headers.length > 0) body.internetMessageHeaders = headers.map(([name, value]) => ({ name, value }));
    const created = await this.transport.json<GraphMessage>({
      method: "POST",
      path: messagesPath(mailbox),
      body,
      traits: new RequestTraits(false, "creates"),
    });
    return toMailMessage(created);
  }

  copyAttachments(
    mailbox: MailboxId,
    fromMessageId: string,
    toDraftId: string,
    attachmentIds: string[],
  ): Promise<void> {
    return this.attachments.copy(mailbox, fromMessageId, toDraftId, attachmentIds);
  }

  async sendDraft(mailbox: MailboxId, id: string): Promise<void> {
    await this.transport.none({
      method: "POST",
      path: `${messagePath(mailbox, id)}/send`,
      traits: new RequestTraits(false, "delivers"),
    });
  }

  /** Changes who a draft goes out as; PATCH of a fixed value, so safe to repeat. */
  async setDraftSender(mailbox: MailboxId, id: string, from: MailAddress): Promise<void> {
    await this.transport.none({
      method: "PATCH",
      path: messagePath(mailbox, id),
      body: { from: toRecipient(from) },
    });
  }

  groupMemberCount(groupAddress: string): Promise<number> {
    return groupMemberCount(this.directory, groupAddress);
  }

  private async page(path: string): Promise<Page<MailMessage>> {
    const page = await this.transport.json<GraphCollection<GraphMessage>>({ method: "GET", path });
    const result: Page<MailMessage> = { items: (page.value ?? []).map(toMailMessage) };
    if (page["@odata.nextLink"]) result.next = page["@odata.nextLink"];
    return result;
  }
}

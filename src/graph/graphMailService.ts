// MailService over Microsoft Graph v1.0: the production adapter (the demo uses it too, against the emulator).
import { AppError, notRunError } from "../domain/errors";
import type { Instant, MailAddress } from "../domain/types";
import type {
  AttachmentContent,
  CaseProps,
  CaseQuery,
  DraftInput,
  GetOptions,
  GroupCountResult,
  MailboxId,
  MailMessage,
  MailService,
  MessageKind,
  OutgoingOptions,
  Page,
  ScheduledSend,
  SentResult,
} from "../ports/mailService";
import { AttachmentCopier, DEFAULT_UPLOAD_CHUNK, assertCopyable } from "./attachments";
import { runBatch } from "./batch";
import { getMessageQuery, listCasesQuery } from "./caseQuery";
import { scheduledOfCase, setDeferredSendTime } from "./deferredSend";
import { GROUP_COUNT_SCOPES, groupMemberCount, groupMemberCounts, withScopes } from "./groups";
import type { GraphAttachment, GraphCollection, GraphMessage } from "./graphTypes";
import { toExtendedProperties, toMailMessage, toRecipient, toRecipients } from "./mappers";
import { draftsOfCase, sendOutgoing, withDraftId } from "./outgoing";
import type { OutgoingDeps } from "./outgoing";
import { messagePath, messagesPath, segment } from "./paths";
import { createGraphTransport } from "./createTransport";
import type { TransportOptions } from "./createTransport";
import { RequestTraits } from "./pipeline/requestTraits";
import type { AccessTokenProvider } from "./tokenProvider";
import { CUSTOM_HEADER_NAME } from "./properties";
import type { QuoteHeaderLanguage } from "./quoteHeader";
import type { GraphCall, GraphTransport } from "./transport";

export { DEFAULT_GRAPH_BASE_URL } from "./createTransport";

export interface GraphMailServiceOptions extends TransportOptions {
  /** Bytes per upload PUT; a multiple of 320 KiB. */
  uploadChunkSize?: number;
  /**
   * The language of the mails Pregón writes and the institution's zone: Exchange's English, UTC quote header of a
   * reply or forward is rewritten in them (quoteHeader.ts). Left as Exchange wrote it when absent.
   */
  quoteHeader?: QuoteHeaderLanguage;
}

/** A read (or, inside readAfterWrite, a record write) started while gathering, waiting for its $batch. */
interface GatheredRead {
  method: "GET" | "PATCH" | "POST";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  traits?: RequestTraits;
  /** Inside readAfterWrite: the index of the write started before it, which it must run after. */
  after?: number;
  resolve: (json: unknown) => void;
  reject: (error: unknown) => void;
}

interface Gathering {
  steps: GatheredRead[];
  /** readAfterWrite: record writes are gathered too, and what starts after a write runs after it. */
  writes: boolean;
  lastWrite?: number;
}

export class GraphMailService implements MailService {
  private readonly transport: GraphTransport;
  /** Directory calls: the same chain, with a token that also carries GroupMember.Read.All (see groups.ts). */
  private readonly directory: GraphTransport;
  private readonly attachments: AttachmentCopier;
  private readonly outgoing: OutgoingDeps;
  /** While readTogether runs its callback: the reads it started, sent together once it pauses. */
  private gathering: Gathering | undefined;

  constructor(tokens: AccessTokenProvider, options: GraphMailServiceOptions = {}) {
    this.transport = createGraphTransport(tokens, options).transport;
    this.directory = createGraphTransport(withScopes(tokens, GROUP_COUNT_SCOPES), options).transport;
    this.attachments = new AttachmentCopier(this.transport, options.uploadChunkSize ?? DEFAULT_UPLOAD_CHUNK);
    const chainSend: OutgoingDeps["chainSend"] = (draftId, finish, name, send) =>
      this.chainSend(draftId, finish, name, send);
    this.outgoing = options.quoteHeader
      ? { transport: this.transport, chainSend, quoteHeader: options.quoteHeader }
      : { transport: this.transport, chainSend };
  }

  async getMessage(mailbox: MailboxId, id: string, options: GetOptions = {}): Promise<MailMessage> {
    const message = await this.read<GraphMessage>(`${messagePath(mailbox, id)}${getMessageQuery(options)}`);
    return toMailMessage(message);
  }

  /**
   * The reads `run` starts before its first pause go as one $batch (graph/batch.ts): one round trip instead of
   * one each. Graph runs a batch's steps without dependsOn in any order and answers each on its own
   * (learn.microsoft.com/graph/json-batching: "the individual requests aren't interdependent and therefore can be
   * placed into the batch request in any order"; each response correlated by its id), so only reads that do not
   * depend on one another belong here — which is all they are: each one's answer is what it would get alone, a
   * failed step the same AppError, a throttled step retried after its own Retry-After. A single read goes alone.
   */
  readTogether<T>(run: () => Promise<T>): Promise<T> {
    // Inside another readTogether: its reads join the outer one's batch.
    return this.gather(run, false);
  }

  /**
   * As readTogether, and the record writes (writeCaseProps) `run` starts before its first pause go in the same
   * $batch: each read or write runs after the write started before it, and only if that write succeeded
   * (dependsOn; learn.microsoft.com/graph/json-batching, "Sequencing requests with the dependsOn property"), else
   * it fails with details.failedDependency = 1 (domain/errors isNotRun), never having run.
   */
  readAfterWrite<T>(run: () => Promise<T>): Promise<T> {
    return this.gather(run, true);
  }

  private gather<T>(run: () => Promise<T>, writes: boolean): Promise<T> {
    // Inside another gathering: its reads (and writes, when that one gathers writes) join the outer batch.
    if (this.gathering) return run();
    const gathering: Gathering = { steps: [], writes };
    this.gathering = gathering;
    let result: Promise<T>;
    try {
      result = run();
    } finally {
      this.gathering = undefined;
    }
    if (writes && gathering.lastWrite === undefined && gathering.steps.length > 0) {
      // The write was not started before the pause (a wrapper delayed it): it is not in the batch, so the reads
      // that must follow it wait for `run`, which returns it — and do not run when it failed.
      const waiting = gathering.steps;
      result.then(
        () => void this.sendGathered(waiting),
        () => {
          for (const g of waiting) g.reject(notRunError());
        },
      );
    } else void this.sendGathered(gathering.steps);
    return result;
  }

  /** A GET of a path under the base URL, gathered when readTogether is running its callback. */
  private read<T>(path: string): Promise<T> {
    const gathering = this.gathering;
    if (!gathering || !path.startsWith("/")) return this.transport.json<T>({ method: "GET", path });
    return new Promise<T>((resolve, reject) =>
      gathering.steps.push({
        method: "GET",
        path,
        ...(gathering.lastWrite !== undefined ? { after: gathering.lastWrite } : {}),
        resolve: (json) => resolve(json as T),
        reject,
      }),
    );
  }

  /** A PATCH, gathered when readAfterWrite is running its callback; sent at once otherwise. */
  private patch<T>(path: string, body: unknown, headers: Record<string, string>): Promise<T> {
    return this.write<T>({ method: "PATCH", path, body, headers });
  }

  /** A write (PATCH, POST), gathered after the writes before it when gathering writes; sent at once otherwise. */
  private write<T>(call: Omit<GatheredRead, "resolve" | "reject" | "after">): Promise<T> {
    const gathering = this.gathering;
    if (!gathering?.writes) return this.transport.json<T>(stepOf(call));
    return new Promise<T>((resolve, reject) => {
      const after = gathering.lastWrite;
      gathering.lastWrite = gathering.steps.length;
      gathering.steps.push({
        ...call,
        ...(after !== undefined ? { after } : {}),
        resolve: (json) => resolve(json as T),
        reject,
      });
    });
  }

  /**
   * A forward's or reply's last steps in one round trip where they can be (graph/outgoing.ts): the draft's PATCH,
   * then what `name` writes (the workflow naming the draft in its claim), then the /send — each run only after
   * the one before succeeded (dependsOn), so the mail never leaves before its draft is finished and named. The
   * send is gathered only when `name` started, before its first pause, a write that names the draft; otherwise
   * `sent` is undefined and the caller sends once `named` has settled.
   */
  private chainSend(
    draftId: string,
    finish: GraphCall,
    name: () => Promise<void>,
    send: GraphCall,
  ): { finished: Promise<unknown>; named: Promise<void>; sent?: Promise<unknown> } {
    const call = (c: GraphCall) => ({
      method: c.method as "PATCH" | "POST",
      path: c.path,
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
      ...(c.traits ? { traits: c.traits } : {}),
    });
    if (this.gathering) {
      // Never inside another gathering: one step after another, as without a batch.
      const finished = this.transport.none(finish);
      const named = finished.then(name);
      return { finished, named };
    }
    const gathering: Gathering = { steps: [], writes: true };
    this.gathering = gathering;
    let finished: Promise<unknown>;
    let named: Promise<void>;
    let sent: Promise<unknown> | undefined;
    try {
      finished = this.write(call(finish));
      const mark = gathering.steps.length;
      named = name();
      // Chained only after a write `name` started at once that names this draft (its body carries the draft's
      // id): any other write in that window (a wrapper's) is no proof that the draft is named.
      const last = gathering.lastWrite !== undefined ? gathering.steps[gathering.lastWrite] : undefined;
      const namedWrite =
        gathering.lastWrite !== undefined &&
        gathering.lastWrite >= mark &&
        JSON.stringify(last?.body ?? null).includes(draftId);
      if (namedWrite) sent = this.write(call(send));
    } finally {
      this.gathering = undefined;
    }
    void this.sendGathered(gathering.steps);
    return sent ? { finished, named, sent } : { finished, named };
  }

  /** Never rejects: each gathered read gets its own answer or error. */
  private async sendGathered(gathered: readonly GatheredRead[]): Promise<void> {
    const [only] = gathered;
    if (gathered.length === 1 && only) {
      this.transport.json(stepOf(only)).then(only.resolve, only.reject);
      return;
    }
    if (gathered.length === 0) return;
    try {
      const outcomes = await runBatch(
        this.transport,
        gathered.map((g) => ({
          ...stepOf(g),
          ...(g.after !== undefined ? { dependsOn: [g.after] } : {}),
        })),
      );
      gathered.forEach((g, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) g.resolve(outcome.json ?? {});
        else g.reject(outcome?.error ?? new AppError("unknown", "The batch did not answer a read"));
      });
    } catch (e) {
      // The $batch itself failed (after the transport's own retries): every read in it failed the same way.
      for (const g of gathered) g.reject(e);
    }
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
    const updated = await this.patch<GraphMessage>(
      messagePath(mailbox, id),
      body,
      options.ifMatch ? { "If-Match": options.ifMatch } : {},
    );
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
    if (draft.replyTo?.length) body.replyTo = toRecipients(draft.replyTo);
    if (headers.length > 0) body.internetMessageHeaders = headers.map(([name, value]) => ({ name, value }));
    try {
      const created = await this.transport.json<GraphMessage>({
        method: "POST",
        path: messagesPath(mailbox),
        body,
        traits: new RequestTraits(false, "creates"),
      });
      return toMailMessage(created);
    } catch (e) {
      // The create may have acted: the draft it made carries the case id and kind from birth, so it is found.
      const { caseId, kind } = draft.caseProps ?? {};
      if (!(e instanceof AppError && e.details?.maybeCreated) || !caseId || !kind) throw e;
      const [made, ...extra] = await draftsOfCase(this.transport, mailbox, caseId, kind);
      if (!made) throw e;
      for (const other of extra)
        if (other.id) await this.deleteDraft(mailbox, other.id).catch(() => undefined);
      return toMailMessage(made);
    }
  }

  async deleteDraft(mailbox: MailboxId, id: string): Promise<void> {
    await this.transport.none({ method: "DELETE", path: messagePath(mailbox, id) });
  }

  assertAttachmentsCopyable(
    mailbox: MailboxId,
    attachments: readonly { name: string; size: number }[],
  ): void {
    assertCopyable(mailbox, attachments);
  }

  copyAttachments(
    mailbox: MailboxId,
    fromMessageId: string,
    toDraftId: string,
    attachmentIds: string[],
  ): Promise<void> {
    return this.attachments.copy(mailbox, fromMessageId, toDraftId, attachmentIds);
  }

  /** Sends a draft; an unclear outcome says which draft it was (details.draftId), as forward and reply do. */
  async sendDraft(mailbox: MailboxId, id: string): Promise<void> {
    try {
      await this.transport.none({
        method: "POST",
        path: `${messagePath(mailbox, id)}/send`,
        traits: new RequestTraits(false, "delivers"),
      });
    } catch (e) {
      if (e instanceof AppError && e.details?.maybeDelivered) throw withDraftId(e, { id });
      throw e;
    }
  }

  setDeferredSendTime(mailbox: MailboxId, id: string, at: Instant): Promise<void> {
    return setDeferredSendTime(this.transport, mailbox, id, at);
  }

  findScheduled(mailbox: MailboxId, caseId: string, kind: MessageKind): Promise<ScheduledSend[]> {
    return scheduledOfCase(this.transport, mailbox, caseId, kind);
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

  groupMemberCounts(groupAddresses: readonly string[]): Promise<GroupCountResult[]> {
    return groupMemberCounts(this.directory, groupAddresses);
  }

  /**
   * GET /messages/{id}/attachments/{attachmentId}: a fileAttachment comes with contentBytes (base64) and its
   * contentType (learn.microsoft.com/graph/api/attachment-get, fileAttachment resource). An item or reference
   * attachment has no bytes to show: badRequest.
   */
  async readAttachment(
    mailbox: MailboxId,
    messageId: string,
    attachmentId: string,
  ): Promise<AttachmentContent> {
    const attachment = await this.transport.json<GraphAttachment & { contentBytes?: string | null }>({
      method: "GET",
      path: `${messagePath(mailbox, messageId)}/attachments/${segment(attachmentId)}`,
    });
    const type = attachment["@odata.type"];
    if ((type !== undefined && type !== "#microsoft.graph.fileAttachment") || !attachment.contentBytes) {
      throw new AppError("badRequest", "The attachment has no file content", {
        details: { attachmentType: type ?? "unknown" },
      });
    }
    return {
      contentType: attachment.contentType || "application/octet-stream",
      contentBase64: attachment.contentBytes,
    };
  }

  private async page(path: string): Promise<Page<MailMessage>> {
    const page = await this.read<GraphCollection<GraphMessage>>(path);
    const result: Page<MailMessage> = { items: (page.value ?? []).map(toMailMessage) };
    if (page["@odata.nextLink"]) result.next = page["@odata.nextLink"];
    return result;
  }
}

/** A gathered read or write as the one request it is. */
function stepOf(g: Omit<GatheredRead, "resolve" | "reject" | "after">): GraphCall {
  return {
    method: g.method,
    path: g.path,
    ...(g.body !== undefined ? { body: g.body } : {}),
    ...(g.headers ? { headers: g.headers } : {}),
    ...(g.traits ? { traits: g.traits } : {}),
  };
}

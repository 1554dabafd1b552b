// What the add-in needs from the mail server (Microsoft Graph in production, the embedded tenant in the demo:
// the demo also goes through the real Graph adapter, over HTTP intercepted by the emulator).
// All shapes are domain shapes; Graph's own types stop at src/graph/.
import type { AppError } from "../domain/errors";
import type { AttachmentInfo, CaseState, DateOnly, Instant, MailAddress } from "../domain/types";

/** "me", or the SMTP address of a shared mailbox. */
export type MailboxId = string;
export type FolderName = "inbox" | "sentitems" | "drafts";

/** What a message is to Pregón, so that Sent Items can be searched for "the forward of case X". */
export type MessageKind =
  | "request"
  | "forward"
  | "reminder"
  | "confirmation"
  | "relay"
  | "massMail"
  /** Communications tells IT a forwarded case was cancelled, or changed (after the forward). */
  | "cancellation"
  | "update"
  /** IT answers a reminder with the case's status. */
  | "reminderAnswer"
  /** Communications asks the requester for what the request left out. */
  | "ask"
  /** IT's test copy of the mass mail, to the requester and Communications. */
  | "testSend";

/** The small properties Pregón keeps on a message (each one extended property). */
/** One group's member count, or why there is none. */
export type GroupCountResult = { ok: true; count: number } | { ok: false; error: AppError };

export interface CaseProps {
  kind?: MessageKind;
  caseId?: string;
  state?: CaseState;
  dueDate?: DateOnly;
  /** The versioned JSON case record (see domain/codec.ts). */
  record?: string;
  /** The older history of a compacted case record, beside the record (see domain/compaction.ts). */
  history?: string;
  /** IT's own record on messages in IT's mailbox. */
  itRecord?: string;
  /** On a reminder in IT's mailbox: IT's answer to it (domain/itStatus.ts). */
  answer?: string;
}

export interface MailMessage {
  id: string;
  subject: string;
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  receivedAt?: Instant;
  sentAt?: Instant;
  conversationId?: string;
  internetMessageId?: string;
  /** Graph's @odata.etag, for If-Match. */
  etag?: string;
  categories: string[];
  isDraft: boolean;
  hasAttachments: boolean;
  bodyPreview?: string;
  /** Present when asked for with `withBody`. Untrusted HTML. */
  body?: string;
  bodyType?: "html" | "text";
  /** Present when asked for with `withAttachments`. */
  attachments?: AttachmentInfo[];
  /** Internet message headers, lower-case names; present when asked for with `withHeaders`. */
  headers?: Record<string, string>;
  caseProps: CaseProps;
}

export interface GetOptions {
  withBody?: boolean;
  withAttachments?: boolean;
  withHeaders?: boolean;
}

/**
 * A message field a list can ask for (each one Graph property). The id always comes; a list that names its
 * fields gets only those (Graph's `$select`), so a page of a thousand carries no bytes nobody shows.
 */
export type ListField =
  | "subject"
  | "from"
  | "to"
  | "cc"
  | "receivedAt"
  | "sentAt"
  | "conversationId"
  | "internetMessageId"
  | "categories"
  | "isDraft"
  | "hasAttachments"
  | "bodyPreview";

/** Server-side filter on the case properties. */
export interface CaseQuery {
  folder?: FolderName;
  caseId?: string;
  kind?: MessageKind;
  /**
   * Messages whose x-pregon-case-id internet header is this case id: every message Communications sends about a
   * case carries it, and a header (unlike Pregón's own properties) arrives with the recipient's copy.
   */
  caseIdHeader?: string;
  /** Messages of one conversation (replies to a forward, with or without Pregón's properties). */
  conversationId?: string;
  /** Only messages received at or after this instant. */
  receivedSince?: Instant;
  /** Only messages from this sender address. */
  from?: string;
  /** Also return each message's internet headers (e.g. x-pregon-case on forwards in IT's inbox). */
  withHeaders?: boolean;
  states?: CaseState[];
  /** Only messages that carry a case id at all. */
  hasCase?: boolean;
  /** Only items of this Exchange message class (e.g. "REPORT.IPM.Note.NDR" for non-delivery reports). */
  messageClass?: string;
  top?: number;
  /** Only these message fields (besides the id); absent = every field a list shows. */
  fields?: readonly ListField[];
  /** Only these case properties; absent = all of them. */
  props?: readonly (keyof CaseProps)[];
}

export interface Page<T> {
  items: T[];
  /** Opaque continuation (Graph's @odata.nextLink). */
  next?: string;
}

export interface OutgoingOptions {
  to?: MailAddress[];
  /** Replaces the subject (e.g. to carry "[CM-2611-7F3K]"). */
  subject?: string;
  /** HTML placed above the quoted message. */
  commentHtml: string;
  /** Case id carried in an x- internet header and in the caseId property of the sent item. */
  caseId: string;
  /** Stored in the kind property of the sent item, so a lost acknowledgement can be recovered from Sent Items. */
  kind: MessageKind;
  /** Graph's `importance` of the sent mail; "high" on an urgent case's forward (issue 13). Normal when absent. */
  importance?: "high";
  /** Extra x- internet headers (e.g. x-pregon-evidence on IT's confirmation), which travel to other mailboxes. */
  headers?: Record<string, string>;
  /**
   * Called with the finished draft right before it is sent (the workflow writes it into its claim). When it
   * throws, nothing is sent and the draft is kept, its id in the error's details.claimDraftId, for the workflow to
   * settle (a claimed draft may leave Drafts only after the claim has let it go: one that has left reads as
   * sent). A draft that a send refused after beforeSend succeeded is kept too, for the same reason.
   */
  beforeSend?: (draft: DraftRef) => Promise<void>;
}

/** A draft as the workflow keeps track of it. */
export interface DraftRef {
  id: string;
  internetMessageId?: string;
}

export interface DraftInput {
  subject: string;
  bodyHtml: string;
  to?: MailAddress[];
  bcc?: MailAddress[];
  from?: MailAddress;
  /** Where replies go (Graph's replyTo), when not to `from`. */
  replyTo?: MailAddress[];
  caseProps?: CaseProps;
  headers?: Record<string, string>;
}

export interface SentResult {
  /** Graph id of the message as stored in Sent Items, when it could be found. */
  sentItemId?: string;
  internetMessageId?: string;
  conversationId?: string;
  sentAt?: Instant;
}

/** A message held in Drafts by Exchange until its deferred send time (scheduled, not yet gone). */
export interface ScheduledSend {
  id: string;
  scheduledFor: Instant;
  internetMessageId?: string;
}

export interface MailService {
  getMessage(mailbox: MailboxId, id: string, options?: GetOptions): Promise<MailMessage>;
  /** Writes the case properties (and categories) with If-Match when an etag is given; returns the new etag. */
  writeCaseProps(
    mailbox: MailboxId,
    id: string,
    props: CaseProps,
    options?: { categories?: string[]; ifMatch?: string },
  ): Promise<{ etag?: string }>;
  listCases(mailbox: MailboxId, query: CaseQuery): Promise<Page<MailMessage>>;
  nextPage(next: string): Promise<Page<MailMessage>>;
  /** Forwards a message (createForward → set subject/header/properties → send). */
  forward(mailbox: MailboxId, id: string, options: OutgoingOptions): Promise<SentResult>;
  /** Replies to a message on its thread. */
  reply(mailbox: MailboxId, id: string, options: OutgoingOptions): Promise<SentResult>;
  /**
   * Creates a draft with its case properties set at creation; when the create's answer is lost, the draft it made
   * is found in Drafts by those properties and returned instead of a second one.
   */
  createDraft(mailbox: MailboxId, draft: DraftInput): Promise<MailMessage>;
  /**
   * Throws AppError "attachmentTooLargeForSharedMailbox" when copyAttachments could not add one of these files to
   * a draft in this mailbox (a large file in a shared mailbox), so the caller can stop before creating anything.
   */
  assertAttachmentsCopyable(mailbox: MailboxId, attachments: readonly { name: string; size: number }[]): void;
  copyAttachments(
    mailbox: MailboxId,
    fromMessageId: string,
    toDraftId: string,
    attachmentIds: string[],
  ): Promise<void>;
  sendDraft(mailbox: MailboxId, id: string): Promise<void>;
  /**
   * Sets Exchange's deferred delivery time on a draft (PidTagDeferredSendTime): after sendDraft the message is
   * held in Drafts until then, under another id; a time already past sends at once.
   */
  setDeferredSendTime(mailbox: MailboxId, id: string, at: Instant): Promise<void>;
  /** The case's messages of this kind that Exchange holds in Drafts until their deferred send time. */
  findScheduled(mailbox: MailboxId, caseId: string, kind: MessageKind): Promise<ScheduledSend[]>;
  /** Deletes a draft (one Pregón made and will not send). */
  deleteDraft(mailbox: MailboxId, id: string): Promise<void>;
  /** Changes who a draft goes out as (after Exchange refused Send As for the first choice). */
  setDraftSender(mailbox: MailboxId, id: string, from: MailAddress): Promise<void>;
  /** Number of members of a mail-enabled group, from the directory. */
  groupMemberCount(groupAddress: string): Promise<number>;
  /**
   * Each group's count, in the addresses' order, each with its own outcome (the errors groupMemberCount would
   * throw): one call for all the audiences, so the adapter can ask Graph for them together.
   */
  groupMemberCounts(groupAddresses: readonly string[]): Promise<GroupCountResult[]>;
  /**
   * A file attachment's bytes (base64, as Graph's fileAttachment.contentBytes) and declared type: what the pane
   * shows for an inline image the body names with cid:.
   */
  readAttachment(mailbox: MailboxId, messageId: string, attachmentId: string): Promise<AttachmentContent>;
  /**
   * Runs `run`; the reads (getMessage, listCases) it starts before its first pause go to the server together, in
   * one round trip where the server allows it (a Graph $batch), each with its own answer or error, as if asked
   * alone. Only for reads that do not depend on one another; anything else `run` does goes as usual. Optional:
   * an adapter without it runs `run` as it is.
   */
  readTogether?<T>(run: () => Promise<T>): Promise<T>;
  /**
   * As readTogether, and the record writes (writeCaseProps) `run` starts before its first pause go in the same
   * round trip: every read or write runs after the write started before it, and only once that write succeeded;
   * when it failed they fail unrun (domain/errors isNotRun). For a
   * write and the reads that must see it (a claim and its read-back). Optional, like readTogether.
   */
  readAfterWrite?<T>(run: () => Promise<T>): Promise<T>;
}

export interface AttachmentContent {
  contentType: string;
  contentBase64: string;
}

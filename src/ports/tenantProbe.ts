// What the tenant self-check (Diagnostics) needs from the mail server: the same kinds of Graph calls the add-in
// makes, one at a time, on a throw-away draft, so that an administrator sees which one the tenant refuses.
// Implemented over the Graph adapter's own transport, query builders and property ids (src/graph/diagnostics.ts);
// failures are AppErrors whose details carry Graph's HTTP `status` and `graphCode`.
import type { CaseProps, CaseQuery, MailboxId } from "./mailService";

/** How the pane signs in, as the token provider reports it. */
export type SignInMode = "naa" | "dialog";

export interface SignInInfo {
  /** Undefined until the provider has handed out a token. */
  mode?: SignInMode;
  /** Scopes the add-in asks for. */
  requested: readonly string[];
  /** Scopes the last token was granted, when the sign-in route reports them (MSAL does; the dialog does not). */
  granted?: readonly string[];
}

export interface ProbeDraft {
  id: string;
  /** Graph's @odata.etag right after creation. */
  etag?: string;
}

export interface StaleEtagOutcome {
  /** The etag the first (fresh) PATCH returned; the stale PATCH used the creation etag. */
  freshEtag?: string;
  /** HTTP status of the PATCH sent with the stale etag, when Exchange accepted it (2xx): If-Match was ignored. */
  acceptedStatus?: number;
}

export interface UploadOutcome {
  /** Host of the upload URL Graph returned (outlook.office.com on Exchange Online). */
  uploadHost: string;
  /** Bytes the one PUT sent. */
  bytesSent: number;
}

export interface DiagnosticDraftInput {
  subject: string;
  bodyHtml: string;
  caseProps: CaseProps;
  /** x- internet headers, set at creation as the mass-mail draft's are. */
  headers: Record<string, string>;
}

export interface TenantProbe {
  /** Opens a message with exactly the $select/$expand of opening an item in the pane. */
  openItem(mailbox: MailboxId, itemId: string): Promise<{ caseProps: CaseProps }>;
  /** Creates a draft in Drafts (never sent) with case properties and x- headers. */
  createDraft(mailbox: MailboxId, draft: DiagnosticDraftInput): Promise<ProbeDraft>;
  /** Ids of the messages the dashboard's list query returns for this query (first page). */
  findMessages(mailbox: MailboxId, query: CaseQuery): Promise<string[]>;
  /**
   * Writes a case property with If-Match = the creation etag (must succeed), then writes again with that now stale
   * etag. Resolves when the stale write is refused with 412; reports the status when it is accepted; throws
   * any other failure.
   */
  patchWithStaleEtag(mailbox: MailboxId, draft: ProbeDraft, props: CaseProps): Promise<StaleEtagOutcome>;
  /** createUploadSession on the draft, one PUT of a first range to the returned URL, then cancels the session. */
  uploadSession(mailbox: MailboxId, draftId: string): Promise<UploadOutcome>;
  deleteMessage(mailbox: MailboxId, id: string): Promise<void>;
  /** Whether the message still exists (GET answers 404 → false). */
  messageExists(mailbox: MailboxId, id: string): Promise<boolean>;
  /** Resolves the group by its address and counts its direct members (ConsistencyLevel: eventual). */
  groupMemberCount(groupAddress: string): Promise<number>;
  /** How the pane signs in and what it was granted; undefined where no Microsoft sign-in happens (embedded tenant). */
  signIn(): Promise<SignInInfo | undefined>;
}

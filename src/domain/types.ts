// The shared vocabulary of Pregón. Pure data: no behaviour, no outside system.
import type { Claim } from "./claim";

/** Lifecycle states; see lifecycle.ts for the legal transitions. */
export type CaseState = "received" | "forwarded" | "sent" | "confirmed" | "closed" | "cancelled";
export const CASE_STATES: readonly CaseState[] = [
  "received",
  "forwarded",
  "sent",
  "confirmed",
  "closed",
  "cancelled",
];

/** The institutional audiences a mass mail can go to (keys are stable; labels come from configuration). */
export type AudienceKey = "estudiantes" | "docentes" | "administrativos";
export const AUDIENCE_KEYS: readonly AudienceKey[] = ["estudiantes", "docentes", "administrativos"];

export type Lang = "es" | "en";
export type Urgency = "normal" | "urgent";

/** ISO-8601 instant, e.g. "2026-11-27T14:05:00Z". */
export type Instant = string;
/** Calendar date in the institution's time zone, "YYYY-MM-DD". */
export type DateOnly = string;

export interface MailAddress {
  name?: string;
  address: string;
}

export interface AttachmentInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
}

/** A request e-mail as the domain sees it (mapped from a Graph message at the adapter's edge). */
export interface RequestMessage {
  id?: string;
  subject: string;
  from: MailAddress;
  /** The body as received: untrusted HTML (or text when bodyType is "text"). */
  body: string;
  bodyType: "html" | "text";
  receivedAt: Instant;
  attachments: AttachmentInfo[];
  conversationId?: string;
  internetMessageId?: string;
}

/** Proof that something happened in a mailbox. */
export interface Evidence {
  messageId?: string;
  internetMessageId?: string;
  conversationId?: string;
  sentAt?: Instant;
  /** When Exchange lets a scheduled mass mail leave (IT's deferred send); absent for a send that left at once. */
  scheduledFor?: Instant;
  groups?: string[];
  recipientCount?: number;
  /** Who approved IT's test send before the mass mail went out (the requester's address), and when. */
  approvedBy?: string;
  approvedAt?: Instant;
  /** The content checks' findings (codes, domain/policy/contentFindings.ts) IT sent the mass mail with anyway. */
  contentWarnings?: string[];
}

export type HistoryAction =
  | "created"
  | "forwarded"
  | "reminded"
  | "sent"
  | "confirmed"
  | "relayed"
  | "closed"
  | "cancelled"
  | "repaired"
  /** Communications changed a forwarded case (date, audiences, subject) and told IT. */
  | "updated"
  /** A note on a case whose mass mail went out (it cannot be cancelled: mail cannot be unsent). */
  | "corrected"
  /** IT answered a reminder with the case's status (note: "status date", evidence: the answer). */
  | "itAnswered"
  /** Communications asked the requester for what the request left out (message text, date…); the state stays. */
  | "asked";

export interface HistoryEntry {
  at: Instant;
  /** Address of the person who acted (people sign in as themselves). */
  by: string;
  /**
   * The mailbox the person acted for (e.g. a delegate of comunicaciones@ or tic@), when it is not their own.
   * Absent in records written before it existed, and when someone acted in their own mailbox.
   */
  for?: string;
  action: HistoryAction;
  note?: string;
  evidence?: Evidence;
  /**
   * Present on an entry that stands for several older reminders folded together (see compaction.ts): how many,
   * and when the first of them went out. `at`, `by` and `evidence` are those of the last one. Absent otherwise.
   */
  count?: number;
  firstAt?: Instant;
}

/** What the professional confirmed when creating the case (small: no bodies). */
export interface CaseFields {
  requestingUnit: string;
  desiredSender: string;
  subject: string;
  audiences: AudienceKey[];
  requestedDate?: DateOnly;
  urgency: Urgency;
  /** Graph attachment ids on the request message to carry to IT. */
  attachmentIds: string[];
}

export interface Case {
  id: string;
  state: CaseState;
  createdAt: Instant;
  requester: MailAddress;
  fields: CaseFields;
  dueDate: DateOnly;
  /** Graph id of the request message in the communications mailbox. */
  requestMessageId?: string;
  /**
   * The internetMessageId of the message the record was written for (its owner), set when the case is created: a
   * record found on another message was copied there (workflow/recordStore.ts `recordOwnership`). Absent in older
   * records, which name their message in the "created" entry's evidence instead.
   */
  owner?: string;
  cancelReason?: string;
  /**
   * The version of the last message about the case sent to IT (the x-pregon-case header's `ver`): 1 after the
   * forward, one more with each update or cancellation notice. Absent before the forward and in older records.
   */
  itVersion?: number;
  /**
   * Who gets the confirmation at the end of the case, as the professional chose it when creating it: the person who
   * wrote to Communications, or the original requester of a forwarded chain. Absent in older records (and when
   * the caller did not choose): the relay then goes to `requester`, as it always did.
   */
  relayTo?: MailAddress;
  /**
   * The message text the professional typed or pasted when the request had none (plain text): what IT sends.
   * Absent when the request carries its own message, and in older records.
   */
  messageText?: string;
  history: HistoryEntry[];
  /** Someone is doing a once-per-case step right now (see claim.ts); absent when nobody is. */
  claim?: Claim;
}

/** The institution's calendar: what counts as a working day. */
export interface WorkCalendar {
  /** Extra non-working dates (closed days) besides weekends and public holidays. */
  closedDays: DateOnly[];
  /** IANA time zone used to turn instants into dates, e.g. "America/Bogota". */
  timeZone: string;
}

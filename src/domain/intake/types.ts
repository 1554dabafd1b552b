// The shape of an intake proposal: what Pregón pre-fills for the professional from a request e-mail,
// with where each value came from so the form can say "read from the request" or "please check".
import type { AddressProblem } from "../address";
import type { AttachmentInfo, AudienceKey, DateOnly, Lang, MailAddress, Urgency } from "../types";

/**
 * Where a proposed value came from:
 * - "labelled": a labelled line of the request ("Asunto: …", "Subject: …");
 * - "inferred": free text ('El asunto puede ser "…"', 'on behalf of …');
 * - "default": a rule, not the request's words (unit = the sender's display name, urgency = normal);
 * - "missing": nothing usable was found; the professional must ask or fill it in.
 */
export type FieldSource = "labelled" | "inferred" | "default" | "missing";
export type FoundSource = Exclude<FieldSource, "missing">;

/** A proposed value and its origin; a missing field carries `null` so it cannot be mistaken for a value. */
export type ProposedField<T> = { value: T; source: FoundSource } | { value: null; source: "missing" };

/** The mass mail's body as the recipients should see it. */
export interface ProposedMessage {
  /** Sanitized HTML (through the injected sanitizer); empty when the message is an attached piece. */
  html: string;
  /** The same content as plain text: paragraphs separated by a blank line, no markup, no entities. */
  text: string;
  /** Attachments that are the message itself (a flyer sent "as the body"); empty for a written message. */
  pieceAttachmentIds: string[];
}

/** Fields the procedure needs before the request can go to IT; listed in `missing` when not found. */
export type RequiredField = "desiredSender" | "subject" | "message" | "audiences" | "requestedDate";
export const REQUIRED_FIELDS: readonly RequiredField[] = [
  "desiredSender",
  "subject",
  "message",
  "audiences",
  "requestedDate",
];

/** Facts the professional should see next to the proposal; codes are stable, the UI localizes them. */
export type IntakeNote =
  /** The request was forwarded; fields come from the innermost message, not the forwarder's words. */
  | { code: "forwarded"; forwardedBy: MailAddress }
  /** A weekday and a date disagree ("lunes 8 de diciembre" when the 8th is a Tuesday); the date was kept. */
  | { code: "weekdayMismatch"; date: DateOnly; statedWeekday: number }
  /** A date in the request is when something happens, not when to send; it was not used as the send date. */
  | { code: "eventDate"; date: DateOnly }
  /** "2/12/2026" in English could be either order; it was read day-first, as the institution writes dates. */
  | { code: "ambiguousNumericDate"; date: DateOnly }
  /** The requested send date is before the day the request arrived. */
  | { code: "dateInThePast"; date: DateOnly }
  /** The message says "see attached" but the request has no attachment to send. */
  | { code: "pieceAttachmentMissing" };

export interface RequestProposal {
  /** The language the request is written in (for replies and for reading its dates). */
  lang: Lang;
  /** Who asked: the original requester, also when a colleague forwarded the request. */
  requester: MailAddress;
  /**
   * What is wrong with the requester's address when it could not receive the final confirmation: no From at all,
   * a forwarded "De:" line with only a name, a malformed address (see domain/address.ts). Absent when it is usable.
   */
  requesterProblem?: AddressProblem;
  /** Who forwarded the request to Communications, when it arrived forwarded. */
  forwardedBy?: MailAddress;
  requestingUnit: ProposedField<string>;
  desiredSender: ProposedField<string>;
  subject: ProposedField<string>;
  message: ProposedField<ProposedMessage>;
  audiences: ProposedField<AudienceKey[]>;
  requestedDate: ProposedField<DateOnly>;
  urgency: ProposedField<Urgency>;
  /** Attachments to carry to the mass mail: real attachments and inline images the message uses. */
  attachments: ProposedField<AttachmentInfo[]>;
  missing: RequiredField[];
  notes: IntakeNote[];
  /**
   * Present when the body was too long to read whole (see MAX_BODY_LENGTH): only its first `readLength` of
   * `length` UTF-16 units were read, so the professional should check the fields against the request itself.
   */
  truncated?: { readLength: number; length: number };
}

export interface ExtractOptions {
  /** Turns untrusted mail HTML into HTML safe to show and send (a DOM-based sanitizer, injected). */
  sanitizeHtml: (html: string) => string;
  /** IANA zone in which "today", "mañana" and "next Monday" are read, e.g. "America/Bogota". */
  timeZone: string;
  /** The institution's configured audiences: what a request "to everyone" means (default: every known one). */
  audiences?: readonly AudienceKey[];
  /**
   * The message is Pregón's own forward to IT: its summary on top states labelled fields, but the request is the
   * forwarded original below it, never the summary (IT's pane reading a forward).
   */
  pregonForward?: boolean;
}

/** A half-open span [start, end) of the request's text. */
export interface Span {
  start: number;
  end: number;
}

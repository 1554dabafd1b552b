// The message field: the located span cut out as HTML, passed through the injected sanitizer (the
// request is untrusted and this HTML is shown in the pane and sent to thousands of people), plus a
// plain-text version read from the sanitized HTML so both always say the same thing.
import type { AttachmentInfo } from "../types";
import { attachmentsToCarry, pieceAttachments, pointsToAttachment } from "./attachments";
import type { RequestBody } from "./body";
import { MISSING } from "./fieldRules";
import { fold } from "./fold";
import { htmlToText } from "./htmlText";
import type { MessageLocation } from "./messagePart";
import { cleanBlock } from "./plainText";
import type { IntakeNote, ProposedField, ProposedMessage } from "./types";

export interface MessageProposal {
  field: ProposedField<ProposedMessage>;
  notes: IntakeNote[];
}

const IMAGE = /<img\b/i;

/**
 * Characters of untrusted HTML sanitized at a time: a 1 MB message is sanitized in a few pieces of whole
 * top-level elements with a pause between them (DOMPurify on 1 MB at once is most of a 200 ms task). Sanitizing
 * whole top-level elements one after the other gives what sanitizing them together gives.
 */
export const SANITIZE_PIECE_LENGTH = 200_000;

/** proposeMessage in steps: a `yield` between cutting the HTML out, sanitizing it and reading its text. */
export function* proposeMessageSteps(
  body: RequestBody,
  located: MessageLocation | undefined,
  attachments: readonly AttachmentInfo[],
  sanitizeHtml: (html: string) => string,
): Generator<void, MessageProposal> {
  if (!located || located.span.start === located.span.end) return { field: MISSING, notes: [] };
  const pieces = body.htmlPiecesBetween(located.span.start, located.span.end, SANITIZE_PIECE_LENGTH);
  let sanitized = "";
  for (const piece of pieces) {
    yield;
    sanitized += sanitizeHtml(piece);
  }
  const html = sanitized.trim();
  yield;
  const text = cleanBlock(htmlToText(html));
  // Only a short text can be such a pointer: folding the whole of a long message would be wasted work.
  if (text.length <= 80 && pointsToAttachment(fold(text))) {
    // "Mensaje: ver imagen adjunta": the attached piece is the message, the words are an instruction.
    const pieces = pieceAttachments(attachmentsToCarry(attachments, ""));
    if (pieces.length === 0) {
      return { field: MISSING, notes: [{ code: "pieceAttachmentMissing" }] };
    }
    const value = { html: "", text: "", pieceAttachmentIds: pieces.map((a) => a.id) };
    return { field: { value, source: located.source }, notes: [] };
  }
  if (text === "" && !IMAGE.test(html)) return { field: MISSING, notes: [] };
  return { field: { value: { html, text, pieceAttachmentIds: [] }, source: located.source }, notes: [] };
}

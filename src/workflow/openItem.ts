// What the pane shows for the selected message: a request to turn into a case, a case (the request itself or
// any message carrying its id), a record that cannot be read, or something else. Opening also repairs what an
// interrupted action left behind and links IT's confirmation when it has arrived.
import { findCaseId, findCaseIds, normalizeCaseId } from "../domain/caseId";
import { CASE_ID_HEADER } from "../domain/evidenceHeader";
import { isOverdue } from "../domain/lifecycle";
import { extractRequestInSteps } from "../domain/intake";
import { htmlToText } from "../domain/intake/htmlText";
import type { RequestProposal } from "../domain/intake/types";
import { looksLikeRequest } from "../domain/requestDetection";
import type { DecodeFailure } from "../domain/codec";
import type { Case, RequestMessage } from "../domain/types";
import type { SelectedItem } from "../ports/mailHost";
import type { MailboxId, MailMessage } from "../ports/mailService";
import { storedCaseOf } from "./caseStore";
import type { WorkflowContext } from "./context";
import { calendarOf } from "./context";
import { reconcileCase } from "./reconcile";
import type { ForgedReason } from "./recordStore";
import type { Reconciliation } from "./reconcile";
import { toRequestMessage } from "./requestMessage";

export type OpenedItem =
  | {
      kind: "request";
      mailbox: MailboxId;
      message: MailMessage;
      request: RequestMessage;
      proposal: RequestProposal;
      likelyRequest: boolean;
    }
  | {
      kind: "case";
      mailbox: MailboxId;
      /** The request message that holds the record. */
      message: MailMessage;
      case: Case;
      overdue: boolean;
      /** The selected message when it is not the request itself (a reply, IT's confirmation). */
      openedVia?: MailMessage;
      reconciled: Reconciliation[];
    }
  | {
      kind: "unreadable";
      mailbox: MailboxId;
      message: MailMessage;
      reason: DecodeFailure;
      detail: string;
      version?: number;
    }
  /**
   * The message carries a case record copied from another message, or one whose case id is not the message's
   * case-id property (workflow/recordStore.ts): shown as such, no action offered, nothing read further or written.
   */
  | { kind: "forged"; mailbox: MailboxId; message: MailMessage; caseId: string; reason: ForgedReason }
  | { kind: "other"; mailbox: MailboxId; message: MailMessage; caseId?: string }
  /**
   * The message cites two or more different case ids and no x-pregon-case-id header decides: the professional
   * picks (openCitedCase); nothing is read or written for any of them until then.
   */
  | { kind: "ambiguous"; mailbox: MailboxId; message: MailMessage; caseIds: string[] };

export async function openItem(ctx: WorkflowContext, item: SelectedItem): Promise<OpenedItem> {
  const mailbox = item.mailbox;
  // Headers too: the case id header Pregón puts on every message it sends about a case.
  const message = await ctx.mail.getMessage(mailbox, item.itemId, {
    withBody: true,
    withAttachments: true,
    withHeaders: true,
  });
  return openMessage(ctx, mailbox, message);
}

export async function openMessage(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
): Promise<OpenedItem> {
  const stored = storedCaseOf(message);
  if (stored.status === "unreadable") {
    return {
      kind: "unreadable",
      mailbox,
      message,
      reason: stored.reason,
      detail: stored.detail,
      version: stored.version,
    };
  }
  if (stored.status === "forged")
    return { kind: "forged", mailbox, message, caseId: stored.case.id, reason: stored.reason };
  if (stored.status === "ok") return caseView(ctx, mailbox, message, stored.case);

  // The case id: the id header Pregón set first (a subject can be rewritten to carry anything, a look-alike tag
  // included), then the subject's tag, then the conversation of a case's request or forward.
  const cited = citedCaseIds(message);
  if (cited.length > 1) return { kind: "ambiguous", mailbox, message, caseIds: cited };
  const caseId = caseIdOfHeaderOrSubject(message);
  if (caseId) return openCitedCase(ctx, mailbox, message, caseId);
  const inConversation = await caseMessageInConversation(ctx, mailbox, message);
  if (inConversation) {
    const requestMessage =
      inConversation.caseProps.kind === "request"
        ? inConversation
        : await findRequestMessage(ctx, mailbox, inConversation.caseProps.caseId ?? "");
    const storedRequest = requestMessage ? storedCaseOf(requestMessage) : undefined;
    if (requestMessage && storedRequest?.status === "ok")
      return caseView(ctx, mailbox, requestMessage, storedRequest.case, message);
  }

  const request = toRequestMessage(message);
  // In steps, the page running between them: a 1 MB request read in one go would freeze the pane.
  const proposal = await extractRequestInSteps(
    request,
    {
      sanitizeHtml: ctx.sanitizeHtml,
      timeZone: ctx.config.institution.timeZone,
      audiences: ctx.config.audiences.map((a) => a.key),
    },
    ctx.pause,
  );
  return {
    kind: "request",
    mailbox,
    message,
    request,
    proposal,
    likelyRequest: looksLikeRequest(message.subject, proposal),
  };
}

/**
 * The case the professional chose for a message that cites several (or the one it cites): that case's view when
 * its request is in this mailbox, else "other" naming the id.
 */
export async function openCitedCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  caseId: string,
): Promise<OpenedItem> {
  const requestMessage = await findRequestMessage(ctx, mailbox, caseId);
  if (requestMessage) {
    const storedRequest = storedCaseOf(requestMessage);
    if (storedRequest.status === "ok")
      return caseView(ctx, mailbox, requestMessage, storedRequest.case, message);
  }
  return { kind: "other", mailbox, message, caseId };
}

/**
 * The distinct case ids a message cites when no case id header decides: its subject's, and — only when the
 * subject carries one, so that a new request mentioning earlier cases stays a request — its body's. Empty when
 * the header names a case.
 */
export function citedCaseIds(message: MailMessage): string[] {
  const header = message.headers?.[CASE_ID_HEADER];
  if (header !== undefined && normalizeCaseId(header)) return [];
  const inSubject = findCaseIds(message.subject);
  if (inSubject.length === 0) return [];
  const body = message.body ?? "";
  const bodyText = message.bodyType === "text" ? body : htmlToText(body);
  return [...new Set([...inSubject, ...findCaseIds(bodyText)])];
}

/** The id in the x-pregon-case-id header when it is a case id, else the subject's tag, else null. */
export function caseIdOfHeaderOrSubject(message: MailMessage): string | null {
  const header = message.headers?.[CASE_ID_HEADER];
  return (header !== undefined ? normalizeCaseId(header) : null) ?? findCaseId(message.subject);
}

/**
 * A message of the selected message's conversation that carries a case id (the request, the forward in Sent
 * Items, a reminder): a reply that lost the tag and the header still belongs to that case. One request, and
 * none for a message without a conversation.
 */
async function caseMessageInConversation(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
): Promise<MailMessage | undefined> {
  if (!message.conversationId) return undefined;
  const page = await ctx.mail.listCases(mailbox, {
    conversationId: message.conversationId,
    hasCase: true,
    top: 1,
  });
  const found = page.items[0];
  return found && found.id !== message.id && found.caseProps.caseId ? found : undefined;
}

export async function findRequestMessage(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
): Promise<MailMessage | undefined> {
  const page = await ctx.mail.listCases(mailbox, { caseId, kind: "request", top: 1 });
  return page.items[0];
}

async function caseView(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  current: Case,
  openedVia?: MailMessage,
): Promise<OpenedItem> {
  const { case: reconciled, message: saved, changes } = await reconcileCase(ctx, mailbox, message, current);
  return {
    kind: "case",
    mailbox,
    message: saved,
    case: reconciled,
    overdue: isOverdue(reconciled, ctx.now(), calendarOf(ctx.config)),
    openedVia,
    reconciled: changes,
  };
}

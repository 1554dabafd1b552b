// Forward and reply, the way that lets Pregón set the subject, put HTML above the quoted original and tag
// the mail with the case id:
//
//   1. POST …/createForward {message:{toRecipients, singleValueExtendedProperties}} (or …/createReply
//      {message:{singleValueExtendedProperties}}) → a draft with the quoted body that carries the case id and
//      kind from birth, so a create whose answer was lost is found in Drafts and reused (never a second draft).
//      Graph documents `message` on both actions as the draft's writable properties ("Specify either a comment
//      or the body property of the message parameter"), and extended properties can be set when an item is
//      created (singleValueLegacyExtendedProperty: "Create … in a new or existing instance").
//   2. PATCH the draft: subject, body = our HTML + the quoted body, the x-pregon-case-id header and any extra
//      x- headers (as extended properties in the internet-headers set: Graph takes internetMessageHeaders
//      only at creation), and the caseId and kind properties (so Sent Items can be searched)
//   2b. options.beforeSend(draft): the workflow writes the draft into its claim (workflow/claims.ts); if it
//      throws, nothing is sent and the draft is kept, named in the error (details.claimDraftId): whether a claim
//      names it is the workflow's to judge (a named draft that left Drafts is read as sent), so the workflow
//      settles it (underClaim), never this adapter
//   3. POST …/send                                     → 202, the mail is queued
//   With beforeSend, steps 2, 2b's write and 3 go as one $batch where the mail service can chain them
//   (OutgoingDeps.chainSend): each runs only after the one before succeeded (json-batching, dependsOn; a step
//   whose dependency failed answers 424 and never runs), so the mail never leaves unfinished or unnamed. A failure
//   of the PATCH or of beforeSend keeps the draft for the workflow to settle (claimDraftId); a send left unrun
//   because a write was retried alone (a throttle) is sent alone once both are done.
//   4. return at once with the draft's internetMessageId and conversationId → SentResult
//
// No waiting for the Sent Items copy: Exchange files it seconds after the 202, under a new id (see the emulator's
// mail/sentItemsDelay.ts for the sources). The internetMessageId the draft was given at creation (Graph's create
// and createForward/createReply responses carry one) is the one the sent mail keeps when the draft is sent with
// /send: public reports find the sent copy by it (msgraph-sdk-dotnet issue #2947, microsoft-graph-docs issue #6256;
// Outlook says it does not change when a message moves between folders, office-js issue #2392). Only a send from
// classic Outlook's compose window was reported to change it (office-js issue #6066), which is not this path.
// The workflow completes the record with the Sent Items copy's id when that copy is there (reconcile.ts).
//
// Why not /forward with `comment`: `comment` is plain text placed by Exchange, and Graph rejects a request
// that has both `comment` and `message.body` (400), so HTML above the quote and a custom subject need the
// draft route. If step 2 or a definite failure of step 3 stops the flow, the draft is deleted (best effort)
// so that a retry does not leave copies in Drafts — unless beforeSend may have written it into a claim: then the
// claim's holder deletes it after releasing the claim (workflow/claims.ts underClaim). An unclear send (503/timeout) keeps the draft and
// surfaces maybeDelivered, because the mail may be on its way, with the draft's id in details.draftId: the
// caller that finds no sent copy sends that same draft again instead of making a second one (which would
// leave the first behind in Drafts, where someone could still send it).
import { AppError, isNotRun } from "../domain/errors";
import type { MailboxId, MessageKind, OutgoingOptions, SentResult } from "../ports/mailService";
import { listCasesQuery } from "./caseQuery";
import type { GraphCollection, GraphMessage } from "./graphTypes";
import { toRecipients } from "./mappers";
import { messagePath, messagesPath } from "./paths";
import { RequestTraits } from "./pipeline/requestTraits";
import {
  CASE_ID_HEADER_PROPERTY_ID,
  CASE_PROPERTY_IDS,
  CUSTOM_HEADER_NAME,
  internetHeaderPropertyId,
} from "./properties";
import { withCommentAbove } from "./quotedBody";
import type { QuoteHeaderLanguage } from "./quoteHeader";
import type { GraphCall, GraphTransport } from "./transport";

export type OutgoingKind = "forward" | "reply";

/** Ask for HTML so that our summary can be placed inside the quoted body. */
const PREFER_HTML = { Prefer: 'outlook.body-content-type="html"' };

export interface OutgoingDeps {
  transport: GraphTransport;
  /**
   * The draft's PATCH, beforeSend's write and the /send in one $batch, each after the one before succeeded
   * (GraphMailService.chainSend); `sent` is undefined when beforeSend did not start at once a write naming the
   * draft (then the caller sends). Absent: one request after another.
   */
  chainSend?: (
    draftId: string,
    finish: GraphCall,
    name: () => Promise<void>,
    send: GraphCall,
  ) => { finished: Promise<unknown>; named: Promise<void>; sent?: Promise<unknown> };
  /** The mail's language and the institution's zone, for Exchange's quote header; left as Exchange wrote it when absent. */
  quoteHeader?: QuoteHeaderLanguage;
}

export async function sendOutgoing(
  deps: OutgoingDeps,
  kind: OutgoingKind,
  mailbox: MailboxId,
  sourceId: string,
  options: OutgoingOptions,
): Promise<SentResult> {
  const { transport } = deps;
  if (kind === "forward" && !options.to?.length) {
    throw new AppError("badRequest", "A forward needs at least one recipient", { details: { field: "to" } });
  }
  if (Object.keys(options.headers ?? {}).some((name) => !CUSTOM_HEADER_NAME.test(name))) {
    throw new AppError("badRequest", "Only x- internet headers can be set", {
      details: { field: "headers" },
    });
  }
  const draft = await createOrFindDraft(deps, kind, mailbox, sourceId, options);
  const draftId = draft.id;
  if (!draftId) throw new AppError("unknown", `Graph returned a ${kind} draft without an id`);
  const draftPath = messagePath(mailbox, draftId);
  let finish: GraphCall;
  try {
    const body =
      draft.body ??
      (
        await transport.json<GraphMessage>({
          method: "GET",
          path: `${draftPath}?$select=body`,
          headers: PREFER_HTML,
        })
      ).body;
    finish = { method: "PATCH", path: draftPath, body: draftUpdate(kind, options, body, deps.quoteHeader) };
  } catch (e) {
    await deleteQuietly(transport, draftPath);
    throw e;
  }
  const send: GraphCall = {
    method: "POST",
    path: `${draftPath}/send`,
    traits: new RequestTraits(false, "delivers"),
  };
  const { beforeSend } = options;
  if (beforeSend && deps.chainSend) {
    const ref = { id: draftId, internetMessageId: draft.internetMessageId ?? undefined };
    const name = () => beforeSend(ref);
    return chained(deps, draft, send, name, deps.chainSend(draftId, finish, name, send));
  }
  try {
    await transport.none(finish);
  } catch (e) {
    await deleteQuietly(transport, draftPath);
    throw e;
  }
  if (options.beforeSend) {
    try {
      await options.beforeSend({ id: draftId, internetMessageId: draft.internetMessageId ?? undefined });
    } catch (e) {
      // Whether a claim names this draft is the workflow's to know (a named draft that leaves Drafts reads as
      // sent): the draft is kept and the failure says which it is, for the claim's holder to settle.
      if (e instanceof AppError) throw withClaimDraft(e, draftId);
      throw e;
    }
  }
  try {
    await transport.none(send);
  } catch (e) {
    if (e instanceof AppError && e.details?.maybeDelivered) throw withDraftId(e, draft);
    // A claim names this draft: it goes only after the claim is released (workflow/claims.ts underClaim).
    if (!options.beforeSend) await deleteQuietly(transport, draftPath);
    throw e;
  }
  return fromDraft(draft);
}

/**
 * The end of a chained send (OutgoingDeps.chainSend). The draft's PATCH or beforeSend failed: nothing was sent
 * unless beforeSend named the draft (the send runs only after both), and whether it did is the workflow's to
 * judge, so the draft is kept and named in the error (claimDraftId) whatever failed. Both done: the send's own
 * outcome, as for an unchained send; a send that did not run because beforeSend's write was retried goes now.
 */
async function chained(
  deps: OutgoingDeps,
  draft: GraphMessage,
  send: GraphCall,
  beforeSend: () => Promise<void>,
  chain: { finished: Promise<unknown>; named: Promise<void>; sent?: Promise<unknown> },
): Promise<SentResult> {
  const draftId = draft.id ?? "";
  const [finished, named, sent] = await Promise.allSettled([
    chain.finished,
    chain.named,
    chain.sent ?? Promise.resolve(NOT_CHAINED),
  ]);
  const claimDraft = (e: unknown) => (e instanceof AppError ? withClaimDraft(e, draftId) : e);
  if (finished.status === "rejected") throw claimDraft(finished.reason);
  let resend = false;
  if (named.status === "rejected") {
    // Its write did not run because the draft's PATCH was retried alone (a throttle): beforeSend again, alone.
    if (!isNotRun(named.reason)) throw claimDraft(named.reason);
    try {
      await beforeSend();
    } catch (e) {
      throw claimDraft(e);
    }
    resend = true;
  }
  try {
    // Not in the chain (beforeSend wrote later), or not run with it (its write was retried alone): sent now.
    if (resend || (sent.status === "fulfilled" ? sent.value === NOT_CHAINED : isNotRun(sent.reason)))
      await deps.transport.none(send);
    else if (sent.status === "rejected") throw sent.reason;
  } catch (e) {
    if (e instanceof AppError && e.details?.maybeDelivered) throw withDraftId(e, draft);
    // A claim names this draft: it goes only after the claim is released (workflow/claims.ts underClaim).
    throw e;
  }
  return fromDraft(draft);
}

const NOT_CHAINED = Symbol("not chained");

/** What the draft already says about the mail it became. */
function fromDraft(draft: GraphMessage): SentResult {
  const result: SentResult = {};
  if (draft.internetMessageId) result.internetMessageId = draft.internetMessageId;
  if (draft.conversationId) result.conversationId = draft.conversationId;
  return result;
}

/**
 * Creates the draft; when the create's answer was lost (it may have acted), the draft it made is looked for in
 * Drafts by its case id and kind and reused — any further one is deleted — so a retry never leaves one behind.
 */
async function createOrFindDraft(
  deps: OutgoingDeps,
  kind: OutgoingKind,
  mailbox: MailboxId,
  sourceId: string,
  options: OutgoingOptions,
): Promise<GraphMessage> {
  try {
    return await createDraft(deps, kind, mailbox, sourceId, options);
  } catch (e) {
    if (!(e instanceof AppError && e.details?.maybeCreated)) throw e;
    const [made, ...extra] = await draftsOfCase(deps.transport, mailbox, options.caseId, options.kind);
    if (!made) throw e;
    for (const other of extra)
      if (other.id) await deleteQuietly(deps.transport, messagePath(mailbox, other.id));
    return made;
  }
}

/** The drafts in Drafts that carry this case id and kind (set at creation), newest first. */
export async function draftsOfCase(
  transport: GraphTransport,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
): Promise<GraphMessage[]> {
  const page = await transport.json<GraphCollection<GraphMessage>>({
    method: "GET",
    path: `${messagesPath(mailbox, "drafts")}${listCasesQuery({ caseId, kind, top: 10 })}`,
  });
  return (page.value ?? []).filter((m) => m.isDraft !== false && m.id);
}

/** The case id and kind, set on the draft when it is created (so it is findable from birth). */
export function caseTags(caseId: string, kind: MessageKind): GraphMessage["singleValueExtendedProperties"] {
  return [
    { id: CASE_PROPERTY_IDS.caseId, value: caseId },
    { id: CASE_PROPERTY_IDS.kind, value: kind },
  ];
}

function createDraft(
  deps: OutgoingDeps,
  kind: OutgoingKind,
  mailbox: MailboxId,
  sourceId: string,
  options: OutgoingOptions,
): Promise<GraphMessage> {
  const action = kind === "forward" ? "createForward" : "createReply";
  const tags = caseTags(options.caseId, options.kind);
  const body =
    kind === "forward"
      ? { message: { toRecipients: toRecipients(options.to), singleValueExtendedProperties: tags } }
      : { message: { singleValueExtendedProperties: tags } };
  return deps.transport.json<GraphMessage>({
    method: "POST",
    path: `${messagePath(mailbox, sourceId)}/${action}`,
    body,
    headers: PREFER_HTML,
    traits: new RequestTraits(false, "creates"),
  });
}

function draftUpdate(
  kind: OutgoingKind,
  options: OutgoingOptions,
  quotedBody: GraphMessage["body"],
  quoteHeader: QuoteHeaderLanguage | undefined,
): GraphMessage {
  const update: GraphMessage = {
    body: { contentType: "html", content: withCommentAbove(options.commentHtml, quotedBody, quoteHeader) },
    singleValueExtendedProperties: [
      { id: CASE_ID_HEADER_PROPERTY_ID, value: options.caseId },
      ...Object.entries(options.headers ?? {}).map(([name, value]) => ({
        id: internetHeaderPropertyId(name),
        value,
      })),
      { id: CASE_PROPERTY_IDS.caseId, value: options.caseId },
      { id: CASE_PROPERTY_IDS.kind, value: options.kind },
    ],
  };
  if (options.subject !== undefined) update.subject = options.subject;
  if (options.importance !== undefined) update.importance = options.importance;
  // A forward got its recipients at creation; a reply goes to the sender unless told otherwise.
  if (kind === "reply" && options.to?.length) update.toRecipients = toRecipients(options.to);
  return update;
}

/**
 * The same failure of beforeSend, saying which draft it was writing into the claim (details.claimDraftId): kept,
 * never sent, for the claim's holder to delete once the claim is released, and never to be retried with a second
 * draft while the claim may name this one.
 */
function withClaimDraft(e: AppError, draftId: string): AppError {
  const details: Record<string, string | number> = { ...e.details, claimDraftId: draftId };
  return new AppError(e.code, e.message, { cause: e.cause, nextStep: e.nextStep, details });
}

/** The same failure, saying which draft was kept and the internetMessageId its mail has if it went out. */
export function withDraftId(e: AppError, draft: GraphMessage): AppError {
  const details: Record<string, string | number> = { ...e.details };
  if (draft.id) details.draftId = draft.id;
  if (draft.internetMessageId) details.internetMessageId = draft.internetMessageId;
  return new AppError(e.code, e.message, { cause: e.cause, nextStep: e.nextStep, details });
}

async function deleteQuietly(transport: GraphTransport, path: string): Promise<void> {
  try {
    await transport.none({ method: "DELETE", path });
  } catch {
    // The draft stays in Drafts; the original failure is what the caller needs to see.
  }
}

// Completing the evidence of sends recorded before their Sent Items copy was filed.
//
// A send answers 202 and Exchange files its Sent Items copy seconds later, under a new id. The actions do not wait
// for it: they record the internetMessageId the draft already carried (the sent mail keeps it, see
// graph/outgoing.ts), and the Sent Items id stays empty. The next opening of the case finds each such copy —
// by that internetMessageId, or for mail a case sends once (forward, relay) by its kind (forward, relay, ask) — and records its id and
// time. Nothing is sent; a copy not yet filed is simply looked for again next time.
import type { Case, HistoryAction, HistoryEntry } from "../domain/types";
import type { MailboxId, MailMessage, MessageKind } from "../ports/mailService";
import { updateCase } from "./caseStore";
import type { UpdateResult } from "./caseStore";
import type { ClaimHome } from "./claims";
import type { WorkflowContext } from "./context";

const KIND_OF: Partial<Record<HistoryAction, MessageKind>> = {
  forwarded: "forward",
  reminded: "reminder",
  relayed: "relay",
  asked: "ask",
};

/** Kinds a case sends once: their copy is known by kind even without a matching internetMessageId. */
const ONCE_PER_CASE = new Set<MessageKind>(["forward", "relay", "ask"]);

/** A send of this case recorded without the id of its Sent Items copy. */
export function awaitsSentCopy(entry: HistoryEntry): boolean {
  return KIND_OF[entry.action] !== undefined && !entry.evidence?.messageId;
}

function copyFor(entry: HistoryEntry, copies: readonly MailMessage[], taken: ReadonlySet<string>) {
  const free = copies.filter((m) => !taken.has(m.id));
  const internetMessageId = entry.evidence?.internetMessageId;
  const byId = internetMessageId ? free.find((m) => m.internetMessageId === internetMessageId) : undefined;
  if (byId) return byId;
  const kind = KIND_OF[entry.action];
  return kind && ONCE_PER_CASE.has(kind) ? free.find((m) => m.caseProps.kind === kind) : undefined;
}

/** The history with each waiting send given its Sent Items copy's id and time; `c` itself when none is filed. */
export function withSentCopies(c: Case, copies: readonly MailMessage[]): Case {
  const taken = new Set(c.history.map((h) => h.evidence?.messageId).filter((id): id is string => !!id));
  let changed = false;
  const history = c.history.map((entry) => {
    if (!awaitsSentCopy(entry)) return entry;
    const copy = copyFor(entry, copies, taken);
    if (!copy) return entry;
    taken.add(copy.id);
    changed = true;
    const evidence = { ...entry.evidence, messageId: copy.id };
    if (copy.internetMessageId) evidence.internetMessageId = copy.internetMessageId;
    if (copy.conversationId && !evidence.conversationId) evidence.conversationId = copy.conversationId;
    if (copy.sentAt) evidence.sentAt = copy.sentAt;
    return { ...entry, evidence };
  });
  return changed ? { ...c, history } : c;
}

/** Looks in Sent Items for the copies of this case's recorded sends that were not filed yet when recorded. */
export async function completeSentEvidence(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  current: Case,
  /** The action's own home (caseStore.ts), whose last read or write the change may start from. */
  home?: ClaimHome<Case>,
  /** The case's Sent Items copies when the caller already lists them (one listing per opening). */
  listed?: () => Promise<readonly MailMessage[]>,
): Promise<UpdateResult | undefined> {
  if (!current.history.some(awaitsSentCopy)) return undefined;
  const copies = listed
    ? await listed()
    : (await ctx.mail.listCases(mailbox, { folder: "sentitems", caseId: current.id, top: 50 })).items;
  if (copies.length === 0) return undefined;
  const updated = await updateCase(ctx, mailbox, messageId, (c) => withSentCopies(c, copies), home);
  return updated.changed ? updated : undefined;
}

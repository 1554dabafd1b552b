// The Sent Items copy of a case's mail of one kind (forward, reminder, relay, notices, IT's mail): what proves a
// send happened once Exchange has filed it. Its own module so that the actions and reconciliation can both use it.
import type { MailboxId, MailMessage, MessageKind } from "../ports/mailService";
import type { WorkflowContext } from "./context";

/** The sent copy of an action of `kind` for a case, if the mailbox holds one. */
export async function findSent(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
): Promise<MailMessage | undefined> {
  const page = await ctx.mail.listCases(mailbox, { folder: "sentitems", caseId, kind, top: 1 });
  return page.items[0];
}

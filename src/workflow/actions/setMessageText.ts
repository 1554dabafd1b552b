// The message text of a received case whose request carried none: typed on the case (after asking the requester,
// whose answer arrives as a separate message) and stored in the record, so that the forward carries it to IT.
import { setMessageText as withText } from "../../domain/lifecycle";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { updateCase } from "../caseStore";
import type { WorkflowContext } from "../context";
import { singleFlightIn } from "../singleFlight";

export function setMessageText(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  text: string,
): Promise<Case> {
  return singleFlightIn(ctx, `text:${messageId}`, async () => {
    const saved = await updateCase(ctx, mailbox, messageId, (c) => withText(c, text));
    return saved.case;
  });
}

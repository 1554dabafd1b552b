// "Cancel case": only the record changes (no mail goes out); the reason is required by the domain.
import { cancelCase as cancel } from "../../domain/lifecycle";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { updateCase } from "../caseStore";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { singleFlight } from "../singleFlight";

export function cancelCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  reason: string,
): Promise<Case> {
  return singleFlight(`cancel:${messageId}`, async () => {
    const updated = await updateCase(ctx, mailbox, messageId, (c) =>
      c.state === "cancelled"
        ? c
        : cancel(c, { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox), reason }),
    );
    return updated.case;
  });
}

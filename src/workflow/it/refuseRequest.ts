// IT refuses a request (e.g. it breaks the institution's rules for mass mail): the record says refused, with the
// reason, who and when (IT lifecycle: received or prepared → refused). Nothing is sent; a prepared draft stays in
// Drafts for IT to delete or keep. A step in progress (someone holds a claim: a draft being made, the mass mail
// being sent) is not overtaken: the refusal waits for it (claimedByOther).
import { refuseIt } from "../../domain/itLifecycle";
import type { ItRecord } from "../../domain/itRecord";
import { claimedByOther } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { singleFlightIn } from "../singleFlight";
import type { ItCase } from "./itCase";
import { updateItRecord } from "./itStore";

export function refuseRequest(ctx: WorkflowContext, opened: ItCase, reason: string): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlightIn(ctx, `refuse:${message.id}`, () =>
    updateItRecord(ctx, mailbox, message.id, summary.id, (r) => {
      if (r.state === "refused") return r;
      if (r.claim) throw claimedByOther(r.claim, false);
      return refuseIt(r, { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox), reason });
    }),
  );
}

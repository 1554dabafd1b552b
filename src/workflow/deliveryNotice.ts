// What Communications needs to know after IT confirmed: which groups refused the mass mail. IT's confirmation
// says so in its evidence header (IT links Exchange's non-delivery reports to the case before confirming), so
// the case never shows a refused group as reached.
import type { Case, CaseState, Instant } from "../domain/types";
import type { MailboxId } from "../ports/mailService";
import { findConfirmations } from "./confirmations";
import type { WorkflowContext } from "./context";

/** Where to start looking for IT's confirmation of a case: when it was forwarded (or created). */
export function confirmationSearchStart(c: Case): Instant {
  return c.history.find((h) => h.action === "forwarded")?.at ?? c.createdAt;
}

export async function refusedGroupsOf(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  state: CaseState,
  since: Instant,
): Promise<string[]> {
  if (state !== "confirmed" && state !== "closed") return [];
  const found = (await findConfirmations(ctx, mailbox, since, new Set([caseId]))).get(caseId);
  return found?.evidence.refused ?? [];
}

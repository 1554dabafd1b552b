// The senders Exchange refused to send a mass mail as (403 ErrorSendAsDenied), remembered in IT's records so that
// the pane says so BEFORE IT confirms a send to thousands of people as one of them. Graph cannot tell beforehand
// whether the operator has Send As on an address under delegated mail permissions: Exchange answers at
// submission (microsoftgraph/microsoft-graph-docs-contrib#7401), so a refusal is the only evidence there is.
//
// One server-side filtered list of the forwards that carry IT's record (kind "forward" is written with it), in
// any folder of IT's mailbox (an operator may file them), the record only. A refusal is forgotten once a later mass mail of any case went out as that same sender (someone
// granted the permission meanwhile).
import { decodeItRecord } from "../../domain/itRecord";
import type { ItRecord } from "../../domain/itRecord";
import { addDays, toLocalDate } from "../../domain/dates";
import type { MailboxId } from "../../ports/mailService";
import type { WorkflowContext } from "../context";

/** A remembered refusal: who could not send as which sender, when, and on which case. */
export interface RememberedRefusal {
  address: string;
  name?: string;
  at: string;
  by: string;
  caseId: string;
}

/** How far back IT's records are read (as IT's open cases: itDashboard.ts). */
const LOOKBACK_DAYS = 90;
const PAGE_SIZE = 1000;

const key = (address: string) => address.trim().toLowerCase();

/** The refusals that still stand in IT's records, newest per sender address. */
export function standingRefusals(records: readonly ItRecord[]): RememberedRefusal[] {
  const refused = new Map<string, RememberedRefusal>();
  const sentAs = new Map<string, string>();
  for (const r of records) {
    const refusal = r.sendAsRefused;
    if (refusal) {
      const known = refused.get(key(refusal.address));
      if (!known || known.at < refusal.at) {
        refused.set(key(refusal.address), {
          address: refusal.address,
          ...(refusal.name ? { name: refusal.name } : {}),
          at: refusal.at,
          by: refusal.by,
          caseId: r.caseId,
        });
      }
    }
    if ((r.state === "sent" || r.state === "confirmed") && r.sent && r.sender) {
      const last = sentAs.get(key(r.sender.address));
      if (!last || last < r.sent.at) sentAs.set(key(r.sender.address), r.sent.at);
    }
  }
  return [...refused.entries()]
    .filter(([address, refusal]) => !((sentAs.get(address) ?? "") > refusal.at))
    .map(([, refusal]) => refusal);
}

/** The refusals remembered in IT's mailbox (its records on the forwards of the last 90 days). */
export async function refusedSenders(ctx: WorkflowContext, mailbox: MailboxId): Promise<RememberedRefusal[]> {
  const zone = ctx.config.institution.timeZone;
  const since = `${addDays(toLocalDate(ctx.now(), zone), -LOOKBACK_DAYS)}T00:00:00Z`;
  const records: ItRecord[] = [];
  let page = await ctx.mail.listCases(mailbox, {
    kind: "forward",
    receivedSince: since,
    top: PAGE_SIZE,
    fields: ["receivedAt"],
    props: ["itRecord"],
  });
  for (;;) {
    for (const message of page.items) {
      const decoded = message.caseProps.itRecord ? decodeItRecord(message.caseProps.itRecord) : undefined;
      if (decoded?.ok) records.push(decoded.record);
    }
    if (!page.next) break;
    page = await ctx.mail.nextPage(page.next);
  }
  return standingRefusals(records);
}

/** The standing refusal of `address`, if any (addresses compared case-insensitively). */
export function refusalOf(
  refusals: readonly RememberedRefusal[],
  address: string | undefined,
): RememberedRefusal | undefined {
  return address === undefined ? undefined : refusals.find((r) => key(r.address) === key(address));
}

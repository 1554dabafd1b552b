// The whole procedure PE-GE-2.3-PR-21 for one request, across both mailboxes, and what it costs in Graph
// requests: at the end every mailbox holds exactly what the procedure says it should, and the requests each
// action made are counted from the tenant's log (and printed once).
import { findCaseId } from "../../src/domain/caseId";
import type { LogEntry } from "../../src/emulator";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { audienceCounts } from "../../src/workflow/it/groups";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { chooseSender } from "../../src/workflow/it/senders";
import { openItem } from "../../src/workflow/openItem";
import { fieldsFromProposal } from "../support/cases";
import { forwardInItInbox, graphCountOf, storedOfKind, storedProp } from "../support/procedure";
import { countByRoute, logged } from "../support/requestLog";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

interface ActionCost {
  action: string;
  requests: number;
  byRoute: Map<string, number>;
}

function cost(action: string, entries: readonly LogEntry[]): ActionCost {
  return { action, requests: entries.length, byRoute: countByRoute(entries) };
}

function table(costs: readonly ActionCost[]): string {
  const lines = costs.map((c) => {
    const routes = [...c.byRoute].map(([route, n]) => `${n}× ${route}`).join(", ");
    return `${c.action.padEnd(40)} ${String(c.requests).padStart(3)}  ${routes}`;
  });
  const total = costs.reduce((sum, c) => sum + c.requests, 0);
  return [...lines, `${"whole case".padEnd(40)} ${String(total).padStart(3)}`].join("\n");
}

function sends(c: ActionCost): number {
  return c.byRoute.get("POST messages/{id}/send") ?? 0;
}

// Exchange may or may not carry the sender's MAPI named properties to another mailbox (see
// src/emulator/mail/transport-props.ts); the procedure must not depend on it, so it runs in both modes.
it.each(["drop", "keep"] as const)(
  "one request from arrival to closing, with the Graph requests of each action (sender's named properties on delivery: %s)",
  async (namedProperties) => {
    const w = world();
    w.tenant.behaviour.namedPropertiesOnDelivery = namedProperties;
    const costs: ActionCost[] = [];
    const step = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
      const { result, entries } = await logged(w.tenant, run);
      costs.push(cost(action, entries));
      return result;
    };

    // 1 Plan: the request arrives; the professional opens it and creates the case.
    const requestId = w.deliverRequest("01-structured-es.json");
    const opened = await step("Communications: open the request", () =>
      openItem(w.comms.ctx, w.comms.select(requestId)),
    );
    if (opened.kind !== "request") throw new Error(`Expected a request, got ${opened.kind}`);
    const created = await step("Communications: create the case", () =>
      createCaseFromRequest(w.comms.ctx, {
        mailbox: COMMUNICATIONS,
        messageId: requestId,
        requester: opened.proposal.requester,
        fields: fieldsFromProposal(opened.proposal, opened.message.subject),
      }),
    );
    const caseId = created.id;
    const audiences = created.fields.audiences;
    expect(audiences.length).toBeGreaterThan(0);

    // 2 Do: forward to IT; later a reminder (step 5) because IT has not sent yet.
    w.clock.advance(30 * 60_000);
    await step("Communications: forward to IT", () => forwardToIt(w.comms.ctx, COMMUNICATIONS, requestId));
    w.clock.advance(2 * 24 * 60 * 60_000);
    await step("Communications: reminder to IT", () => sendReminder(w.comms.ctx, COMMUNICATIONS, requestId));

    // 3 Do: IT opens the forward, prepares the mass mail, sends it.
    w.clock.advance(60 * 60_000);
    const forward = forwardInItInbox(w, caseId);
    const itCase = await step("IT: open the forward", () =>
      openItItem(w.it.ctx, w.it.select(forward.id, forward.subject)),
    );
    if (itCase.kind !== "itCase") throw new Error(`Expected an IT case, got ${itCase.kind}`);
    const counts = await step("IT: audience member counts", () => audienceCounts(w.it.ctx));
    await step("IT: prepare the mass mail", () =>
      prepareMassMail(w.it.ctx, itCase, {
        audiences: itCase.summary.fields.audiences,
        counts,
        sender: chooseSender(w.config, itCase.summary),
      }),
    );
    await step("IT: send the mass mail", () => sendMassMail(w.it.ctx, itCase));

    // 4 Check: IT confirms; Communications sees it on opening the case and relays it to the requester.
    w.clock.advance(15 * 60_000);
    await step("IT: confirm to Communications", () => confirmToCommunications(w.it.ctx, itCase));
    w.clock.advance(15 * 60_000);
    const linked = await step("Communications: open the case (links)", () =>
      openItem(w.comms.ctx, w.comms.select(requestId)),
    );
    expect(linked).toMatchObject({ kind: "case", reconciled: ["confirmationLinked"] });
    const closed = await step("Communications: relay to requester", () =>
      relayToRequester(w.comms.ctx, COMMUNICATIONS, requestId),
    );

    // The record: every step, with its evidence.
    expect(closed.state).toBe("closed");
    expect(closed.history.map((h) => h.action)).toEqual([
      "created",
      "forwarded",
      "reminded",
      "sent",
      "confirmed",
      "relayed",
    ]);
    const sentEntry = closed.history.find((h) => h.action === "sent");
    expect(sentEntry?.evidence?.recipientCount).toBe(
      audiences.reduce((sum, a) => sum + graphCountOf(w, a), 0),
    );
    expect(
      storedProp(
        w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === requestId)!,
        "state",
      ),
    ).toBe("closed");

    // The requester's inbox: the relay, and nothing else.
    const requesterInbox = w.tenant.storedMessages(created.requester.address, "inbox");
    expect(requesterInbox.map((m) => findCaseId(m.subject))).toEqual([caseId]);
    expect(requesterInbox[0]?.from?.emailAddress.address).toBe(COMMUNICATIONS);

    // Every member mailbox of the chosen groups: one mass mail, without the case id; other groups: nothing.
    const massMail = storedOfKind(w, IT, "sentitems", caseId, "massMail")[0];
    expect(massMail?.subject).toBe(created.fields.subject);
    for (const audience of w.config.audiences) {
      const members = w.tenant.group(audience.group)?.members ?? [];
      for (const member of members) {
        const inbox = w.tenant.storedMessages(member, "inbox");
        const expected = audiences.includes(audience.key) ? 1 : 0;
        expect([member, inbox.length]).toEqual([member, expected]);
        if (expected === 1) {
          expect(inbox[0]?.subject).toBe(massMail?.subject);
          expect(findCaseId(inbox[0]?.subject ?? "")).toBeNull();
          expect(inbox[0]?.internetMessageId).toBe(massMail?.internetMessageId);
        }
      }
    }

    // Exchange files the last Sent Items copies seconds after their 202; each recorded send names its copy's
    // internetMessageId, recorded without waiting for it.
    w.afterSentItemsDelay();
    const filed = new Set(
      w.tenant.storedMessages(COMMUNICATIONS, "sentitems").map((m) => m.internetMessageId),
    );
    for (const action of ["forwarded", "reminded", "relayed"] as const) {
      const id = closed.history.find((h) => h.action === action)?.evidence?.internetMessageId;
      expect([action, id !== undefined && filed.has(id)]).toEqual([action, true]);
    }

    // comunicaciones@ Sent Items: the forward, the reminder and the relay; tic@ Sent Items: mass mail and confirmation.
    const kindsIn = (address: string) =>
      w.tenant
        .storedMessages(address, "sentitems")
        .map((m) => storedProp(m, "kind"))
        .sort();
    expect(kindsIn(COMMUNICATIONS)).toEqual(["forward", "relay", "reminder"]);
    expect(kindsIn(IT)).toEqual(["confirmation", "massMail"]);
    for (const m of w.tenant.storedMessages(COMMUNICATIONS, "sentitems"))
      expect(findCaseId(m.subject)).toBe(caseId);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
    // tic@ inbox: the forward and the reminder; comunicaciones@ inbox: the request and IT's confirmation.
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(2);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "inbox")).toHaveLength(2);

    // The figures: one row per action, one send per sending action, none elsewhere.
    expect(costs).toHaveLength(11);
    const sending = new Set([
      "Communications: forward to IT",
      "Communications: reminder to IT",
      "IT: send the mass mail",
      "IT: confirm to Communications",
      "Communications: relay to requester",
    ]);
    for (const c of costs) expect([c.action, sends(c)]).toEqual([c.action, sending.has(c.action) ? 1 : 0]);
    const total = costs.reduce((sum, c) => sum + c.requests, 0);
    expect(total).toBe(w.tenant.log.count());
    expect(costs.every((c) => c.requests > 0)).toBe(true);
    console.info(`Graph requests per action (case ${caseId}):\n${table(costs)}`);
  },
);

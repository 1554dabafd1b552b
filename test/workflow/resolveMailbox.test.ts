// Which mailbox a selected item lives in, and so which pane it gets — never decided from the signed-in address.
// Where Outlook cannot name the owner (no shared-item properties: office-js #1295, #3837, #5682) the host says
// "me"; the item is then looked for in /me, then in the configured mailboxes.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { resolveMailbox, roleOfMailbox } from "../../src/workflow/resolveMailbox";
import { newCase, openCase } from "../support/cases";
import { forwardInItInbox, itSendsAndConfirms, openForward } from "../support/procedure";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

/** A case forwarded to IT; returns the forward in tic@'s inbox. */
async function forwardedCase(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  return { created, forward: forwardInItInbox(w, created.case.id) };
}

/** The GETs of one message by the operator, as "status mailbox" ("me" or the address), in order. */
function lookups(w: World, messageId: string, since: number): string[] {
  return w.tenant.log
    .filter({ method: "GET", caller: OPERATOR })
    .filter((e) => e.seq > since && decodeURIComponent(e.url).includes(messageId))
    .map((e) => {
      const path = new URL(e.url).pathname;
      const mailbox = path.includes("/me/") ? "me" : decodeURIComponent(path.split("/")[3] ?? "");
      return `${e.status} ${mailbox}`;
    });
}

describe("resolveMailbox", () => {
  it("an item in tic@ that the host reports as 'me' is found in tic@, and is IT's", async () => {
    const w = world();
    const { forward } = await forwardedCase(w);
    const since = w.tenant.log.last()?.seq ?? 0;

    const resolved = await resolveMailbox(w.it.ctx, {
      itemId: forward.id,
      subject: forward.subject,
      mailbox: "me",
    });

    expect(resolved.item.mailbox).toBe(IT);
    expect(resolved.role).toBe("it");
    // /me does not hold it (404), Carlos is no delegate of comunicaciones@ (403), tic@ holds it.
    expect(lookups(w, forward.id, since)).toEqual(["404 me", `403 ${COMMUNICATIONS}`, `200 ${IT}`]);
  });

  it("trusts the owner Outlook names, without asking Graph", async () => {
    const w = world();
    const { forward } = await forwardedCase(w);
    const since = w.tenant.log.last()?.seq ?? 0;
    const resolved = await resolveMailbox(w.it.ctx, { itemId: forward.id, subject: "", mailbox: IT });
    expect(resolved).toEqual({ item: { itemId: forward.id, subject: "", mailbox: IT }, role: "it" });
    expect(lookups(w, forward.id, since)).toEqual([]);
  });

  it("a request in comunicaciones@ reported as 'me' is found there, and is Communications'", async () => {
    const w = world();
    const id = w.deliverRequest("02-freeform-es.json");
    const resolved = await resolveMailbox(w.comms.ctx, { itemId: id, subject: "", mailbox: "me" });
    expect(resolved.item.mailbox).toBe(COMMUNICATIONS);
    expect(resolved.role).toBe("communications");
  });

  it("an item in the person's own mailbox stays 'me' and has no role of its own", async () => {
    const w = world();
    const id = w.tenant.deliver(OPERATOR, {
      subject: "Almuerzo",
      from: { emailAddress: { address: PROFESSIONAL } },
      toRecipients: [{ emailAddress: { address: OPERATOR } }],
      body: { contentType: "text", content: "¿Vamos?" },
    });
    const resolved = await resolveMailbox(w.it.ctx, { itemId: id, subject: "", mailbox: "me" });
    expect(resolved).toEqual({ item: { itemId: id, subject: "", mailbox: "me" }, role: undefined });
  });

  it("found nowhere it can reach: a localized error with the next step, not a silent read of /me", async () => {
    const w = world();
    const { forward } = await forwardedCase(w);
    // Ana is a delegate of comunicaciones@ only: the forward in tic@ is out of her reach.
    await expect(
      resolveMailbox(w.comms.ctx, { itemId: forward.id, subject: "", mailbox: "me" }),
    ).rejects.toMatchObject({ code: "mailboxUnknown", nextStep: "retry" });
  });

  it("a failure other than not found / no access is not mistaken for 'not here'", async () => {
    const w = world();
    const { forward } = await forwardedCase(w);
    // The server is down: that says nothing about where the item is, so nothing else is tried.
    w.tenant.faults.add({ method: "GET", url: forward.id, effect: { kind: "unavailable" } });
    const since = w.tenant.log.last()?.seq ?? 0;
    await expect(
      resolveMailbox(w.it.ctx, { itemId: forward.id, subject: "", mailbox: "me" }),
    ).rejects.toMatchObject({ code: "unavailable" });
    const asked = w.tenant.log
      .filter({ method: "GET", url: forward.id })
      .filter((e) => e.seq > since)
      .map((e) => `${e.status} ${new URL(e.url).pathname.includes("/me/") ? "me" : "another mailbox"}`);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(["503 me"]));
  });
});

describe("roleOfMailbox", () => {
  it("names the role of the configured mailboxes only, whatever the case of the address", () => {
    const w = world();
    expect(roleOfMailbox(w.config, IT.toUpperCase())).toBe("it");
    expect(roleOfMailbox(w.config, COMMUNICATIONS)).toBe("communications");
    expect(roleOfMailbox(w.config, OPERATOR)).toBeUndefined();
    expect(roleOfMailbox(w.config, undefined)).toBeUndefined();
  });
});

describe("who acted, and for which mailbox", () => {
  it("IT's record and the case's history name the operator and tic@, the professional and comunicaciones@", async () => {
    const w = world();
    const { created } = await forwardedCase(w);
    const record = await itSendsAndConfirms(w, created.case.id);
    expect(record.sent).toMatchObject({ by: OPERATOR, for: IT });
    expect(record.confirmed).toMatchObject({ by: OPERATOR, for: IT });

    const opened = await openForward(w, created.case.id);
    expect(opened.record.sent).toMatchObject({ by: OPERATOR, for: IT });

    const caseView = await openCase(w.comms, created.messageId);
    const byAction = new Map(caseView.case.history.map((h) => [h.action, h]));
    expect(byAction.get("created")).toMatchObject({ by: PROFESSIONAL, for: COMMUNICATIONS });
    expect(byAction.get("forwarded")).toMatchObject({ by: PROFESSIONAL, for: COMMUNICATIONS });
  });
});

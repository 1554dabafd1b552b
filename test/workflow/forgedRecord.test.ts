// Issue 15, point 5: a stored record belongs to its message. The record keeps the internetMessageId of the message
// it was written for and names its case; a record found on another message (copied there), or whose case id is not
// the message's case-id property, opens as "forged": no case view, no action, nothing written — and an action
// pressed on it anyway is refused before anything is claimed or sent.
import { decodeCase, encodeCase } from "../../src/domain/codec";
import type { StoredMessage } from "../../src/emulator";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { CaseRowList, firstDashboardPage } from "../../src/workflow/dashboard";
import { openItem } from "../../src/workflow/openItem";
import { newCase, openCase } from "../support/cases";
import { storedProp } from "../support/procedure";
import { successfulSends } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, setupWorld } from "../support/world";

const world = setupWorld();
const DAY = 24 * 60 * 60_000;

function stored(w: World, id: string): StoredMessage {
  const found = w.tenant.storedMessages(COMMUNICATIONS).find((m) => m.id === id);
  if (!found) throw new Error(`no message ${id}`);
  return found;
}

/** Sets (or adds) one of Pregón's properties on a stored message, as a person with MFCMAPI could. */
function setProp(m: StoredMessage, key: keyof typeof CASE_PROPERTY_IDS, value: string) {
  const id = CASE_PROPERTY_IDS[key].toLowerCase();
  const props = m.singleValueExtendedProperties.filter((p) => p.id.toLowerCase() !== id);
  m.singleValueExtendedProperties = [...props, { id: CASE_PROPERTY_IDS[key], value }];
}

/** Every Pregón property of a message, to show nothing was written. */
function propsOf(m: StoredMessage) {
  return JSON.stringify([...m.singleValueExtendedProperties].sort((a, b) => a.id.localeCompare(b.id)));
}

async function openedKind(w: World, id: string) {
  return openItem(w.comms.ctx, w.comms.select(id));
}

describe("a case record belongs to its message", () => {
  it("records the internetMessageId of its own request when the case is created", async () => {
    const w = world();
    const { messageId } = await newCase(w, "01-structured-es.json");
    const m = stored(w, messageId);
    const decoded = decodeCase(storedProp(m, "record") ?? "");
    expect(decoded.ok && decoded.case.owner).toBe(m.internetMessageId);
  });

  it("a record copied onto another message opens as forged; nothing is offered, sent or written", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    w.afterSentItemsDelay();
    w.clock.advance(5 * DAY);
    const otherId = w.deliverRequest("02-freeform-es.json");
    const source = stored(w, messageId);
    const target = stored(w, otherId);
    for (const key of ["kind", "caseId", "state", "dueDate", "record"] as const)
      setProp(target, key, storedProp(source, key) ?? "");
    const before = { target: propsOf(target), source: propsOf(source) };
    const sends = successfulSends(w.tenant).length;

    const opened = await openedKind(w, otherId);
    expect(opened).toMatchObject({ kind: "forged", caseId: created.id, reason: "otherMessage" });
    // A reminder pressed from the forged message (an old pane, a scripted click) is refused before any claim.
    await expect(sendReminder(w.comms.ctx, COMMUNICATIONS, otherId)).rejects.toMatchObject({
      code: "forgedRecord",
      details: { caseId: created.id, reason: "otherMessage" },
    });
    await expect(
      createCaseFromRequest(w.comms.ctx, {
        mailbox: COMMUNICATIONS,
        messageId: otherId,
        requester: created.requester,
        fields: created.fields,
      }),
    ).rejects.toMatchObject({ code: "forgedRecord" });
    expect(successfulSends(w.tenant)).toHaveLength(sends);
    expect({ target: propsOf(stored(w, otherId)), source: propsOf(stored(w, messageId)) }).toEqual(before);

    // The real request still opens as its case; the dashboard lists the copy as such, not as a second case.
    expect((await openCase(w.comms, messageId)).case.id).toBe(created.id);
    const list = new CaseRowList().add(await firstDashboardPage(w.comms.ctx, COMMUNICATIONS));
    expect(list.rows.map((r) => r.messageId)).toEqual([messageId]);
    expect(list.forged).toBe(1);
  });

  it("a record whose case id is not the message's case-id property opens as forged; nothing is written", async () => {
    const w = world();
    const first = await newCase(w, "01-structured-es.json");
    const second = await newCase(w, "06-english.json");
    // The second request's record put on the first request, whose case-id property still names its own case.
    const target = stored(w, first.messageId);
    setProp(target, "record", storedProp(stored(w, second.messageId), "record") ?? "");
    const before = propsOf(target);

    const opened = await openedKind(w, first.messageId);
    expect(opened).toMatchObject({ kind: "forged", caseId: second.case.id, reason: "otherCase" });
    await expect(forwardToIt(w.comms.ctx, COMMUNICATIONS, first.messageId)).rejects.toMatchObject({
      code: "forgedRecord",
    });
    expect(successfulSends(w.tenant)).toHaveLength(0);
    expect(propsOf(stored(w, first.messageId))).toEqual(before);
  });

  it("an older record without an owner is accepted, and gets one only from its own request's next write", async () => {
    const w = world();
    const { messageId } = await newCase(w, "01-structured-es.json");
    const m = stored(w, messageId);
    const decoded = decodeCase(storedProp(m, "record") ?? "");
    if (!decoded.ok) throw new Error("record not readable");
    const { owner: _owner, ...older } = decoded.case;
    setProp(m, "record", encodeCase(older));

    expect((await openedKind(w, messageId)).kind).toBe("case");
    const forwarded = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(forwarded.owner).toBe(m.internetMessageId);

    // The same older record copied with its case id onto another request: its "created" entry names the first
    // request, so it is forged there and never gets that message as its owner.
    const otherId = w.deliverRequest("02-freeform-es.json");
    const target = stored(w, otherId);
    setProp(target, "caseId", storedProp(m, "caseId") ?? "");
    setProp(target, "kind", "request");
    setProp(target, "record", encodeCase(older));
    expect(await openedKind(w, otherId)).toMatchObject({ kind: "forged", reason: "otherMessage" });
  });
});

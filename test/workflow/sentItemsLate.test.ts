// Exchange files the Sent Items copy of a send seconds after the 202. With the copy 5 s late (on the shared test
// clock, nothing sleeps), each of the five sends returns on the 202, records the sent mail's internetMessageId at
// once, and the Sent Items copy's id on the next opening; IT's confirmation never carries an empty evidence id.
import { decodeEvidenceHeader, EVIDENCE_HEADER } from "../../src/domain/evidenceHeader";
import type { Case } from "../../src/domain/types";
import type { MessageKind } from "../../src/ports/mailService";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { updateItRecord } from "../../src/workflow/it/itStore";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { newCase, openCase } from "../support/cases";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";

const LATE_MS = 5_000;
const world = setupWorld();

function lateWorld(): World {
  const w = world();
  w.tenant.setSentItemsDelay(LATE_MS);
  return w;
}

/** Right after the action: no copy yet; 5 s later: exactly one more, the one the evidence names. */
function expectFiledLater(w: World, address: string, caseId: string, kind: MessageKind, before: number) {
  expect(storedOfKind(w, address, "sentitems", caseId, kind)).toHaveLength(before);
  w.clock.advance(LATE_MS);
  const copies = storedOfKind(w, address, "sentitems", caseId, kind);
  expect(copies).toHaveLength(before + 1);
  return copies[0]!;
}

function lastEntry(c: Case, action: string) {
  return c.history.filter((h) => h.action === action).at(-1);
}

describe("every send records its evidence with Sent Items 5 s late", () => {
  it("forward, reminder, mass mail, confirmation and relay: internetMessageId at once, Sent Items id on reopening", async () => {
    const w = lateWorld();
    const { messageId: requestId, case: created } = await newCase(w, "01-structured-es.json");
    const caseId = created.id;

    // 1. Forward.
    const forwarded = await forwardToIt(w.comms.ctx, COMMUNICATIONS, requestId);
    const forwardCopy = expectFiledLater(w, COMMUNICATIONS, caseId, "forward", 0);
    expect(lastEntry(forwarded, "forwarded")?.evidence?.internetMessageId).toBe(
      forwardCopy.internetMessageId,
    );
    expect(lastEntry((await openCase(w.comms, requestId)).case, "forwarded")?.evidence?.messageId).toBe(
      forwardCopy.id,
    );

    // 2. Reminder (the case is overdue days later).
    w.clock.advance(5 * 24 * 60 * 60_000);
    const reminded = await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const reminderCopy = expectFiledLater(w, COMMUNICATIONS, caseId, "reminder", 0);
    expect(lastEntry(reminded, "reminded")?.evidence?.internetMessageId).toBe(reminderCopy.internetMessageId);
    expect(lastEntry((await openCase(w.comms, requestId)).case, "reminded")?.evidence?.messageId).toBe(
      reminderCopy.id,
    );

    // 3. Mass mail.
    const opened = await openForward(w, caseId);
    await prepareForCase(w, opened);
    const sent = await sendMassMail(w.it.ctx, opened);
    const massCopy = expectFiledLater(w, IT, caseId, "massMail", 0);
    expect(sent.sent?.internetMessageId).toBe(massCopy.internetMessageId);
    expect((await openForward(w, caseId)).record.sent?.sentItemId).toBe(massCopy.id);

    // 4. IT's confirmation, with the mass mail's internetMessageId in its evidence header.
    const confirmed = await confirmToCommunications(w.it.ctx, opened);
    expect(confirmed.state).toBe("confirmed");
    const confirmationCopy = expectFiledLater(w, IT, caseId, "confirmation", 0);
    const header = confirmationCopy.internetMessageHeaders.find(
      (h) => h.name.toLowerCase() === EVIDENCE_HEADER,
    );
    expect(decodeEvidenceHeader(header?.value)?.internetMessageId).toBe(massCopy.internetMessageId);

    // 5. Relay to the requester (the case links IT's confirmation on opening).
    expect((await openCase(w.comms, requestId)).case.state).toBe("confirmed");
    const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, requestId);
    const relayCopy = expectFiledLater(w, COMMUNICATIONS, caseId, "relay", 0);
    expect(lastEntry(closed, "relayed")?.evidence?.internetMessageId).toBe(relayCopy.internetMessageId);
    expect(lastEntry((await openCase(w.comms, requestId)).case, "relayed")?.evidence?.messageId).toBe(
      relayCopy.id,
    );
  });
});

describe("IT's confirmation never carries an empty evidence id", () => {
  it("a sent record without the mass mail's internetMessageId: refused while the copy is not filed, then taken from Sent Items", async () => {
    const w = lateWorld();
    const { case: created } = await newCase(w, "02-freeform-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
    const opened = await openForward(w, created.id);
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    // A record that lacks the id (as one written before the draft's id was recorded would).
    await updateItRecord(w.it.ctx, opened.mailbox, opened.message.id, created.id, (r) => ({
      ...r,
      sent: { at: r.sent?.at ?? w.clock.now().toISOString(), by: OPERATOR, for: IT },
    }));

    await expect(confirmToCommunications(w.it.ctx, opened)).rejects.toMatchObject({
      code: "notInSentItemsYet",
      nextStep: "retry",
    });
    expect(storedOfKind(w, IT, "sentitems", created.id, "confirmation")).toHaveLength(0);
    expect(
      w.tenant.storedMessages(COMMUNICATIONS, "inbox").filter((m) => m.from?.emailAddress.address === IT),
    ).toEqual([]);

    w.clock.advance(LATE_MS);
    const [massCopy] = storedOfKind(w, IT, "sentitems", created.id, "massMail");
    const confirmed = await confirmToCommunications(w.it.ctx, opened);
    expect(confirmed.sent?.internetMessageId).toBe(massCopy?.internetMessageId);
    const [delivered] = w.tenant
      .storedMessages(COMMUNICATIONS, "inbox")
      .filter((m) => m.from?.emailAddress.address === IT);
    const header = delivered?.internetMessageHeaders.find((h) => h.name.toLowerCase() === EVIDENCE_HEADER);
    const evidence = decodeEvidenceHeader(header?.value);
    expect(evidence?.internetMessageId).toBe(massCopy?.internetMessageId);
    expect(evidence?.internetMessageId).not.toBe("");
  });
});
